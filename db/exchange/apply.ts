import { getTableColumns, sql } from 'drizzle-orm'
import { getTableConfig, type AnySQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from '../client'
import { addDays, weekdayIndex } from '../dates'
import { categories, districts, organisations, postings, settings, workingGroups, weekdays } from '../schema'
import type { Schedule } from '../schema/groups'
import type {
  CategoryRecord,
  DistrictRecord,
  ExchangeFile,
  OrganisationRecord,
  PostingRecord,
  WorkingGroupRecord,
} from './format'

export type KindCounts = { created: number; updated: number; unchanged: number }
/** Ids of the records an import created or changed, per kind. */
export type ChangedIds = Record<keyof ApplyCounts, string[]>
export type ApplyCounts = Record<'districts' | 'categories' | 'organisations' | 'postings' | 'workingGroups', KindCounts>

export type ApplyOptions = {
  /** Europe/Berlin date that defaults are computed from (a schedule's first meeting). */
  today: string
  /** Called inside the transaction, before the first write; the crash test waits for it. */
  onWriteStart?: () => void
  /** Called inside the transaction after the last record is written, before the commit. */
  onWritten?: () => void
}

/**
 * Upserts a validated file in the caller's transaction (the import command's): all of it
 * or nothing. Records absent from the file are kept; moderation state and creation time
 * survive an update; unchanged records are not touched, so re-importing is a no-op.
 */
export function applyExchange(tx: Db, file: ExchangeFile, options: ApplyOptions): { counts: ApplyCounts; changed: ChangedIds } {
  {
    // Parents and referenced records may come later in the file; FKs are checked at commit.
    tx.run(sql`PRAGMA defer_foreign_keys = ON`)
    options.onWriteStart?.()
    if (file.locales) {
      tx.insert(settings)
        .values({ key: 'locales', value: file.locales })
        .onConflictDoUpdate({ target: settings.key, set: { value: file.locales, updatedAt: now() } })
        .run()
    }
    const existingSchedules = new Map(
      tx
        .select({ id: workingGroups.id, schedule: workingGroups.schedule })
        .from(workingGroups)
        .all()
        .map((row) => [row.id, row.schedule]),
    )
    const changed: ChangedIds = { districts: [], categories: [], organisations: [], postings: [], workingGroups: [] }
    const counts: ApplyCounts = {
      districts: upsert(tx, districts, (file.districts ?? []).map(districtRow), changed.districts),
      categories: upsert(
        tx,
        categories,
        (file.categories ?? []).map((record, index) => categoryRow(record, index)),
        changed.categories,
      ),
      organisations: upsert(tx, organisations, (file.organisations ?? []).map(organisationRow), changed.organisations),
      postings: upsert(tx, postings, (file.postings ?? []).map(postingRow), changed.postings),
      workingGroups: upsert(
        tx,
        workingGroups,
        (file.workingGroups ?? []).map((record) =>
          groupRow(record, options.today, existingSchedules.get(record.id) ?? null),
        ),
        changed.workingGroups,
      ),
    }
    options.onWritten?.()
    return { counts, changed }
  }
}

const now = () => new Date().toISOString()

type Row = { id: string } & Record<string, unknown>

/**
 * Prepared statements rather than one drizzle query per row: building a query costs more
 * than running it, and a municipality's file can hold tens of thousands of postings.
 * Values are encoded by the columns' own drizzle mappers (JSON, booleans).
 */
function upsert(tx: Db, table: SQLiteTable, rows: Row[], changed: string[]): KindCounts {
  const counts: KindCounts = { created: 0, updated: 0, unchanged: 0 }
  if (rows.length === 0) return counts
  const content = Object.keys(rows[0]).filter((key) => key !== 'id')
  const columns = getTableColumns(table) as Record<string, AnySQLiteColumn>
  const name = (key: string) => `"${columns[key].name}"`
  const encode = (key: string, value: unknown) =>
    value === null || value === undefined ? null : columns[key].mapToDriverValue(value)
  const tableName = `"${getTableConfig(table).name}"`
  const inserted = ['id', ...content, 'createdAt', 'updatedAt']
  const insert = tx.$client.prepare(
    `insert into ${tableName} (${inserted.map(name).join(', ')}) values (${inserted.map(() => '?').join(', ')})`,
  )
  const updated = [...content, 'updatedAt']
  const update = tx.$client.prepare(
    `update ${tableName} set ${updated.map((key) => `${name(key)} = ?`).join(', ')} where "id" = ?`,
  )

  const existing = new Map<string, string>()
  for (const row of tx.select().from(table).all() as Row[]) existing.set(row.id, fingerprint(row, content))
  const stamp = now()
  for (const row of rows) {
    const before = existing.get(row.id)
    if (before === fingerprint(row, content)) {
      counts.unchanged++
      continue
    }
    changed.push(row.id)
    const values = { ...row, createdAt: stamp, updatedAt: stamp } as Record<string, unknown>
    if (before === undefined) {
      insert.run(inserted.map((key) => encode(key, values[key])))
      counts.created++
    } else {
      update.run([...updated.map((key) => encode(key, values[key])), row.id])
      counts.updated++
    }
  }
  return counts
}

function fingerprint(row: Row, columns: string[]): string {
  return JSON.stringify(columns.map((column) => row[column] ?? null))
}

function districtRow(record: DistrictRecord): Row {
  return { id: record.id, name: record.name }
}

function categoryRow(record: CategoryRecord, position: number): Row {
  return {
    id: record.id,
    parentId: record.parent ?? null,
    label: record.label,
    synonyms: record.synonyms ?? {},
    position,
  }
}

function organisationRow(record: OrganisationRecord): Row {
  return {
    id: record.id,
    kind: record.kind,
    name: record.name,
    districtId: record.district ?? null,
    address: record.address ?? null,
    contact: record.contact ?? {},
    languages: record.languages ?? [],
    verified: record.verified ?? false,
    openingHours: record.openingHours ?? {},
    description: record.description ?? {},
  }
}

function postingRow(record: PostingRecord): Row {
  return {
    id: record.id,
    organisationId: record.organisation,
    type: record.type,
    categoryId: record.category,
    districtId: record.district ?? null,
    audiences: record.audiences ?? [],
    languages: record.languages ?? [],
    title: record.title,
    body: record.body ?? {},
    validFrom: record.validFrom ?? null,
    validUntil: record.validUntil ?? null,
    status: record.status,
    sourceLocale: record.sourceLocale ?? Object.keys(record.title)[0],
    contactMode: record.contactMode ?? 'organisation',
  }
}

function groupRow(record: WorkingGroupRecord, today: string, existing: Schedule | null): Row {
  return {
    id: record.id,
    kind: record.kind,
    name: record.name,
    description: record.description ?? {},
    districtId: record.district ?? null,
    place: record.place ?? null,
    schedule: record.schedule ? scheduleOf(record.schedule, today, existing) : null,
    languages: record.languages ?? [],
    capacity: record.capacity ?? null,
    open: record.open ?? true,
  }
}

function scheduleOf(
  input: NonNullable<WorkingGroupRecord['schedule']>,
  today: string,
  existing: Schedule | null,
): Schedule {
  // Without an explicit anchor, keep the one a previous import chose: a biweekly group
  // must not change its weeks because the same file was imported again.
  const keep = existing && existing.weekday === input.weekday && existing.frequency === input.frequency
  const from = input.from ?? (keep ? existing.from : firstWeekdayOnOrAfter(today, input.weekday))
  return {
    frequency: input.frequency,
    weekday: input.weekday,
    ...(input.week === undefined ? {} : { week: input.week }),
    start: input.start,
    end: input.end,
    from,
    except: [...new Set(input.except ?? [])].sort(),
  }
}

function firstWeekdayOnOrAfter(date: string, weekday: Schedule['weekday']): string {
  const offset = (weekdays.indexOf(weekday) - weekdayIndex(date) + 7) % 7
  return addDays(date, offset)
}
