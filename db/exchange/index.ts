import { commit, type Context } from '../commands/run'
import { applyExchange, type ApplyCounts, type ApplyOptions, type ChangedIds } from './apply'
import type { ExchangeError } from './errors'
import { parseJsonBytes } from './read'
import { validateExchange } from './validate'

export { exportExchange } from './export'
export { formatErrors, type ExchangeError } from './errors'
export { FORMAT, type ExchangeFile, type ExchangeInput } from './format'
export type { ApplyCounts, ChangedIds } from './apply'

export type ImportOutcome = { ok: true; counts: ApplyCounts } | { ok: false; errors: ExchangeError[] }

const subjectType: Record<keyof ChangedIds, string> = {
  districts: 'district',
  categories: 'category',
  organisations: 'organisation',
  postings: 'posting',
  workingGroups: 'group',
}

/**
 * The import command: bytes of a `treffpunkt/v1` file → validated → written through the
 * one door for writes (`commit`): the records, one audit entry per created or changed
 * record and the search index in one transaction, or nothing at all. The operator's CLI
 * and the demo seed act as nobody (`actor` null): they run with the machine's rights.
 */
export function importExchange(context: Context, input: Uint8Array | unknown, options: ApplyOptions): ImportOutcome {
  let value = input
  if (input instanceof Uint8Array) {
    const parsed = parseJsonBytes(input)
    if (!parsed.ok) return parsed
    value = parsed.value
  }
  const validated = validateExchange(context.db, value)
  if (!validated.ok) return validated
  return commit(context, (tx, effects) => {
    const { counts, changed } = applyExchange(tx, validated.file, options)
    for (const [kind, ids] of Object.entries(changed) as Array<[keyof ChangedIds, string[]]>) {
      for (const id of ids) effects.audit({ action: 'import', subjectType: subjectType[kind], subjectId: id })
    }
    // Category labels and synonyms live in every posting's document: a taxonomy change rebuilds all.
    effects.index({ postings: changed.postings, organisations: changed.organisations, groups: changed.workingGroups, taxonomy: changed.categories.length > 0 })
    return { ok: true, counts }
  })
}
