import { and, eq, gte, isNull, lte } from 'drizzle-orm'
import { formatDate } from '../../locales/dates'
import { addDays, todayInBerlin } from '../dates'
import { postings } from '../schema'
import { pickTitle } from './translations'
import { mailEditors } from './postings'
import { commit, type Context } from './run'

export const reminderDays = 7

/**
 * Tells the editors of each published posting, once per validity, that it ends in
 * `reminderDays` days and, the first days after, that it has ended; both mails carry a
 * link to renew it (sign-in required). Postings that ended long ago are not mailed about.
 */
export function remindExpiring(context: Context): { soon: number; ended: number } {
  const today = todayInBerlin(context.clock.now())
  const listed = and(eq(postings.status, 'published'), eq(postings.moderation, 'visible'))
  return commit(context, (tx, effects) => {
    const now = context.clock.now().toISOString()
    const soon = tx
      .select()
      .from(postings)
      .where(and(listed, isNull(postings.expiryNoticeAt), gte(postings.validUntil, today), lte(postings.validUntil, addDays(today, reminderDays))))
      .all()
    const ended = tx
      .select()
      .from(postings)
      .where(and(listed, isNull(postings.expiredNoticeAt), gte(postings.validUntil, addDays(today, -reminderDays)), lte(postings.validUntil, addDays(today, -1))))
      .all()
    for (const [rows, template, column] of [
      [soon, 'postingExpiresSoon', 'expiryNoticeAt'],
      [ended, 'postingExpired', 'expiredNoticeAt'],
    ] as const) {
      for (const row of rows) {
        mailEditors(tx, effects, row.organisationId, template, (locale) => ({
          title: pickTitle(row.title, locale, row.sourceLocale),
          until: row.validUntil ? formatDate(row.validUntil, locale) : '',
          path: `/${locale}/manage/postings/${row.id}#renew`,
        }))
        tx.update(postings).set({ [column]: now }).where(eq(postings.id, row.id)).run()
      }
    }
    return { soon: soon.length, ended: ended.length }
  })
}
