import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { workingGroups, type Schedule } from '../schema'
import { groupIsListed } from '../visibility'

const columns = {
  id: workingGroups.id,
  kind: workingGroups.kind,
  name: workingGroups.name,
  description: workingGroups.description,
  districtId: workingGroups.districtId,
  place: workingGroups.place,
  schedule: workingGroups.schedule,
  languages: workingGroups.languages,
  capacity: workingGroups.capacity,
  open: workingGroups.open,
  state: workingGroups.state,
  requiresCheck: workingGroups.requiresCheck,
}

export type Group = {
  id: string
  kind: 'arbeitskreis' | 'begegnungscafe'
  name: Record<string, string>
  description: Record<string, string>
  districtId: string | null
  place: string | null
  schedule: Schedule | null
  languages: string[]
  capacity: number | null
  open: boolean
  state: 'active' | 'closed'
  /** Sign-up needs a valid check before work with children. */
  requiresCheck: boolean
}

export function listGroups(db: Db, filters: { kind?: Group['kind']; district?: string } = {}): Group[] {
  return db
    .select(columns)
    .from(workingGroups)
    .where(
      and(
        groupIsListed(),
        filters.kind ? eq(workingGroups.kind, filters.kind) : undefined,
        filters.district ? eq(workingGroups.districtId, filters.district) : undefined,
      ),
    )
    .orderBy(asc(workingGroups.kind), asc(workingGroups.id))
    .all()
}

/** A group by its URL, closed ones included: their pages stay as history. */
export function getGroup(db: Db, id: string): Group | undefined {
  return db.select(columns).from(workingGroups).where(eq(workingGroups.id, id)).get()
}
