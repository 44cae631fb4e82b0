import type { ZodType } from 'zod'
import { writeTransaction, type Db } from '../client'
import type { Clock } from '../clock'
import { mailCommitted, queueMail, type Mail } from '../mail'
import type { Actor } from '../permissions'
import { auditLog } from '../schema'

/** Field name → an i18n key (`account:errors.…`) that says what is wrong, in the reader's language. */
export type FieldErrors = Record<string, string>
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors }

/** What a change touched, for the search index; `taxonomy` rebuilds every document. */
export type Changed = { postings: string[]; organisations: string[]; groups: string[]; taxonomy: boolean }

/**
 * Who acts, on which database, at what time, and how the search index follows a change.
 * `db/` sits below `search/`, so the index writer comes in here (built by
 * `search/context.ts`), and no command can run without one.
 */
export type Context = { db: Db; actor: Actor | null; clock: Clock; index: (tx: Db, changed: Changed) => void }

/** `withoutActor`: the entry keeps no trace of who acted (an account deleting itself). */
export type Audit = { action: string; subjectType: string; subjectId: string | null; reason?: string; withoutActor?: boolean }

/** What a command's work reports besides its result; written in the same transaction. */
export type Effects = {
  audit(entry: Audit): void
  mail(mail: Mail): void
  index(changed: { postings?: string[]; organisations?: string[]; groups?: string[]; taxonomy?: boolean }): void
}

/**
 * The one door for writes: the work, its audit entries, the search index it touches and
 * the e-mails it causes commit together in one IMMEDIATE transaction, or none of them do.
 * Permission checks and validation happen in the command before it calls this.
 */
export function commit<T>(context: Context, work: (tx: Db, effects: Effects) => T): T {
  let mailed = false
  const result = writeTransaction(context.db, (tx) => {
    const audits: Audit[] = []
    const mails: Mail[] = []
    const changed: Changed = { postings: [], organisations: [], groups: [], taxonomy: false }
    const value = work(tx, {
      audit: (entry) => audits.push(entry),
      mail: (mail) => mails.push(mail),
      index: (c) => {
        changed.postings.push(...(c.postings ?? []))
        changed.organisations.push(...(c.organisations ?? []))
        changed.groups.push(...(c.groups ?? []))
        changed.taxonomy ||= c.taxonomy ?? false
      },
    })
    const at = context.clock.now().toISOString()
    for (const entry of audits) {
      tx.insert(auditLog)
        .values({ at, actorId: entry.withoutActor ? null : (context.actor?.id ?? null), action: entry.action, subjectType: entry.subjectType, subjectId: entry.subjectId, reason: entry.reason ?? null })
        .run()
    }
    if (changed.taxonomy || changed.postings.length + changed.organisations.length + changed.groups.length > 0) context.index(tx, changed)
    queueMail(tx, context.clock, mails)
    mailed = mails.length > 0
    return value
  })
  if (mailed) mailCommitted()
  return result
}

/** zod issues → the first error per field, as i18n keys (schemas carry keys as messages). */
export function fieldErrors(schema: ZodType, input: unknown): Outcome<never> | null {
  const parsed = schema.safeParse(input)
  if (parsed.success) return null
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'form'
    errors[field] ??= /^[a-z]+:[a-zA-Z.]+$/.test(issue.message) ? issue.message : 'account:errors.invalid'
  }
  return { ok: false, errors }
}

export const failure = (field: string, key: string): Outcome<never> => ({ ok: false, errors: { [field]: key } })
