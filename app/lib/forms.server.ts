import { data } from '@remix-run/node'
import type { FieldErrors } from '../../db/commands/run'

/** Fields whose values never travel back to the page. */
const secret = new Set(['password', 'newPassword'])

/**
 * The posted form as plain strings. A body that is not a form, files, and repeated fields
 * are the sender's mistake: the first value counts, anything else is ignored; never a 500.
 * Fields named in `lists` (checkbox groups) keep every value, joined by commas.
 */
export async function readForm(request: Request, lists: readonly string[] = []): Promise<Record<string, string>> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/x-www-form-urlencoded|^multipart\/form-data/.test(type)) {
    await discardBody(request)
    throw new Response('Bad request', { status: 400 })
  }
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    throw new Response('Bad request', { status: 400 })
  }
  const values: Record<string, string> = {}
  for (const [key, value] of form) {
    if (typeof value !== 'string' || key.length > 100) continue
    if (!(key in values)) values[key] = value.slice(0, 100_000)
    else if (lists.includes(key) && values[key].length < 2_000) values[key] += `,${value.slice(0, 100)}`
  }
  return values
}

export type FormReply = { errors: FieldErrors; values: Record<string, string>; done?: string }

/** A rejected form: 400, the errors by field, everything typed kept (passwords excepted). */
export function rejected(errors: FieldErrors, values: Record<string, string>, status = 400, headers?: HeadersInit) {
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !secret.has(key)))
  return data<FormReply>({ errors, values: kept }, { status, headers })
}

/** A form that did what it should: 200 with a message key for the page to show (and values a follow-up form needs). */
export function accepted(done: string, values: Record<string, string> = {}) {
  return data<FormReply>({ errors: {}, values, done })
}

/**
 * Reads and drops a body an action does not need: an unread body left on a kept-alive
 * connection makes Node close it under the client's next request.
 */
export async function discardBody(request: Request): Promise<void> {
  try {
    await request.arrayBuffer()
  } catch {
    // A broken body is as good as none here.
  }
}
