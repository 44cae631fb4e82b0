import { asc, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { organisationMembers, organisations } from '../schema'

/** The organisations a person looks after, scoped to that person. */
export function organisationsOf(db: Db, userId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, role: organisationMembers.role })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, userId))
    .orderBy(asc(organisations.name))
    .all()
}

/** Every organisation by name, for a coordinator's overview. */
export function allOrganisations(db: Db) {
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(organisations.name)).all()
}
