import type { Db } from '../client'
import { applyExchange, type ApplyCounts, type ChangedIds } from './apply'
import type { ExchangeError } from './errors'
import { parseJsonBytes } from './read'
import { validateExchange } from './validate'

export { exportExchange } from './export'
export { formatErrors, type ExchangeError } from './errors'
export { FORMAT, type ExchangeFile, type ExchangeInput } from './format'
export type { ApplyCounts, ChangedIds } from './apply'

export type ImportOutcome = { ok: true; counts: ApplyCounts } | { ok: false; errors: ExchangeError[] }

/** Bytes of a `treffpunkt/v1` file → validated → written in one transaction, or nothing written. */
export function importExchange(
  db: Db,
  input: Uint8Array | unknown,
  options: {
    today: string
    onWriteStart?: () => void
    afterWrite?: (tx: Db, changed: ChangedIds) => void
  },
): ImportOutcome {
  let value = input
  if (input instanceof Uint8Array) {
    const parsed = parseJsonBytes(input)
    if (!parsed.ok) return parsed
    value = parsed.value
  }
  const validated = validateExchange(db, value)
  if (!validated.ok) return validated
  return { ok: true, counts: applyExchange(db, validated.file, options) }
}
