import { and, asc, eq, isNotNull, or, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { assertCan, type Actor } from '../permissions'
import { userRoles, users, type StaffRole } from '../schema'

/** Accounts by name or address, for administrators only; at most 50. */
export function findUsers(db: Db, actor: Actor | null, query: string) {
  assertCan(actor, 'user:list:any')
  const needle = query.toLowerCase()
  const rows = db
    .select({ id: users.id, name: users.name, email: users.email, confirmedAt: users.confirmedAt })
    .from(users)
    .where(needle ? or(sql`instr(lower(${users.email}), ${needle}) > 0`, sql`instr(lower(${users.name}), ${needle}) > 0`) : undefined)
    .orderBy(asc(users.email))
    .limit(50)
    .all()
  return rows.map((row) => ({
    ...row,
    roles: db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, row.id)).all().map((r) => r.role) as StaffRole[],
  }))
}

/** The name of a confirmed account, or null when there is none by that id. */
export function volunteerName(db: Db, id: string): string | null {
  return db.select({ name: users.name }).from(users).where(and(eq(users.id, id), isNotNull(users.confirmedAt))).get()?.name ?? null
}

/** Confirmed coordinators with what an e-mail to them needs: the people digests and reminders go to. */
export function confirmedCoordinators(db: Db) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'coordinator'), isNotNull(users.confirmedAt)))
    .all()
}
