import { asc, eq, or, sql } from 'drizzle-orm'
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
