import { checkOf, checkState, type CheckRecord } from '../../db/commands/checks'
import type { Db } from '../../db/client'
import { todayInBerlin } from '../../db/dates'
import type { Actor } from '../../db/permissions'
import { formatDate } from './format'

/** A check as pages show it: dates in the reader's language and its state today. */
export function checkView(check: CheckRecord | null, lng: string, now: Date) {
  if (!check) return null
  return {
    certificateDate: check.certificateDate,
    certificateShown: formatDate(check.certificateDate, lng),
    conviction: check.conviction,
    briefingDate: check.briefingDate ?? '',
    briefingShown: check.briefingDate ? formatDate(check.briefingDate, lng) : null,
    validUntilShown: formatDate(check.validUntil, lng),
    state: checkState(check, todayInBerlin(now)),
  }
}
export type CheckView = NonNullable<ReturnType<typeof checkView>>

/** The person's own check, or a coordinator's view of someone's (Forbidden for anyone else). */
export function checkSection(db: Db, actor: Actor, userId: string, lng: string, now: Date) {
  return checkView(checkOf(db, actor, userId), lng, now)
}
