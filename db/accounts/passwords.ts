import { hash, verify } from '@node-rs/argon2'
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as en from '@zxcvbn-ts/language-en'

// argon2id with OWASP's minimum parameters (m = 19 MiB, t = 2, p = 1), as DESIGN says.
const parameters = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const minPasswordLength = 12
export const maxPasswordLength = 200

export function hashPassword(password: string): Promise<string> {
  return hash(password, parameters)
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/**
 * A hash to verify against when no account exists, so that a login with an unknown
 * address takes as long as one with a known address (no enumeration by timing).
 */
let dummy: Promise<string> | undefined
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not a password of anybody')
  return dummy
}

let estimator: ZxcvbnFactory | undefined
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs })
  return estimator
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsPersonal'

/**
 * Why a password is refused, or null: at least 12 characters, and not one that
 * zxcvbn's lists of common and leaked passwords, keyboard walks and repeats guess quickly
 * (score below 3), nor one built from the person's own name or address.
 */
export async function passwordProblem(password: string, personal: string[] = []): Promise<PasswordProblem | null> {
  if ([...password].length < minPasswordLength) return 'tooShort'
  if (password.length > maxPasswordLength) return 'tooLong'
  const lower = password.toLowerCase()
  const parts = personal.flatMap((value) => value.toLowerCase().split(/[\s@.]+/)).filter((part) => part.length >= 4)
  if (parts.some((part) => lower.includes(part))) return 'containsPersonal'
  const result = await strength().checkAsync(password, personal)
  return result.score < 3 ? 'common' : null
}
