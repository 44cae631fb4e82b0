import { eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { isListed } from '../db/visibility'
import { categories, organisations, postings, workingGroups } from '../db/schema'
import type { SearchDocument } from './document'
import { groupKindTerms } from './glossary'

type Taxonomy = Map<string, { parentId: string | null; terms: string[] }>

/** The categories with their terms: all of them, or those of `ids` and their ancestors. */
function taxonomy(db: Db, ids?: string[]): Taxonomy {
  const columns = { id: categories.id, parentId: categories.parentId, label: categories.label, synonyms: categories.synonyms }
  const rows = ids
    ? db
        .select(columns)
        .from(categories)
        .where(
          sql`${categories.id} in (with recursive chain(id) as (select value from json_each(${JSON.stringify(ids)})
                union select parent_id from categories join chain using (id) where parent_id is not null) select id from chain)`,
        )
        .all()
    : db.select(columns).from(categories).all()
  return new Map(
    rows.map((row) => [
      row.id,
      { parentId: row.parentId, terms: [...Object.values(row.label), ...Object.values(row.synonyms).flat()] },
    ]),
  )
}

function ancestry(tree: Taxonomy, id: string): string[] {
  const chain: string[] = []
  for (let at: string | null | undefined = id; at && !chain.includes(at); at = tree.get(at)?.parentId) chain.push(at)
  return chain
}

const postingColumns = {
  id: postings.id,
  createdAt: postings.createdAt,
  validFrom: postings.validFrom,
  validUntil: postings.validUntil,
  status: postings.status,
  moderation: postings.moderation,
  organisationSuspended: organisations.suspended,
  type: postings.type,
  categoryId: postings.categoryId,
  districtId: postings.districtId,
  audiences: postings.audiences,
  languages: postings.languages,
  title: postings.title,
  body: postings.body,
  sourceLocale: postings.sourceLocale,
  organisationId: organisations.id,
  organisationName: organisations.name,
  organisationKind: organisations.kind,
  organisationVerified: organisations.verified,
  communityLocales: postings.communityLocales,
}

/** Documents for the given postings (all when `ids` is undefined). */
export function postingDocuments(db: Db, ids?: string[]): SearchDocument[] {
  const query = db
    .select(postingColumns)
    .from(postings)
    .innerJoin(organisations, eq(organisations.id, postings.organisationId))
  const rows = ids ? query.where(inArray(postings.id, ids)).all() : query.all()
  // A few postings need only their categories' chains, not the whole taxonomy.
  const tree = taxonomy(db, ids && rows.map((row) => row.categoryId))
  return rows.map((row) => {
    const chain = ancestry(tree, row.categoryId)
    return {
      kind: 'posting',
      id: row.id,
      date: row.validFrom ?? row.createdAt,
      sourceLocale: row.sourceLocale,
      title: row.title,
      body: row.body,
      taxonomy: chain.flatMap((id) => tree.get(id)?.terms ?? []),
      organisation: { id: row.organisationId, name: row.organisationName },
      unverified: !row.organisationVerified,
      community: row.communityLocales,
      type: row.type,
      category: row.categoryId,
      district: row.districtId,
      visibility: {
        listed: isListed(row),
        validFrom: row.validFrom,
        validUntil: row.validUntil,
      },
      facets: {
        type: [row.type],
        category: chain,
        district: row.districtId ? [row.districtId] : [],
        audience: row.audiences,
        language: row.languages,
        orgKind: [row.organisationKind],
      },
    }
  })
}

export function organisationDocuments(db: Db, ids?: string[]): SearchDocument[] {
  const query = db
    .select({
      id: organisations.id,
      createdAt: organisations.createdAt,
      kind: organisations.kind,
      suspended: organisations.suspended,
      name: organisations.name,
      districtId: organisations.districtId,
      languages: organisations.languages,
      description: organisations.description,
      sourceLocale: organisations.sourceLocale,
      verified: organisations.verified,
    })
    .from(organisations)
  const rows = ids ? query.where(inArray(organisations.id, ids)).all() : query.all()
  return rows.map((row) => {
    const sourceLocale = row.sourceLocale ?? Object.keys(row.description)[0] ?? 'de'
    return {
      kind: 'organisation',
      id: row.id,
      date: row.createdAt,
      sourceLocale,
      // A name is the same in every language.
      title: { [sourceLocale]: row.name },
      body: row.description,
      ...notAPosting(row.districtId, row.languages, [row.kind], !row.suspended),
      unverified: !row.verified,
    }
  })
}

/** What organisations and groups have in common: no taxonomy, type or category, visible unless hidden. */
function notAPosting(districtId: string | null, languages: string[], orgKind: string[], listed: boolean) {
  return {
    taxonomy: [],
    organisation: null,
    unverified: false,
    community: [],
    type: null,
    category: null,
    district: districtId,
    visibility: { listed, validFrom: null, validUntil: null },
    facets: { type: [], category: [], district: districtId ? [districtId] : [], audience: [], language: languages, orgKind },
  }
}

export function groupDocuments(db: Db, ids?: string[]): SearchDocument[] {
  const query = db
    .select({
      id: workingGroups.id,
      createdAt: workingGroups.createdAt,
      kind: workingGroups.kind,
      name: workingGroups.name,
      description: workingGroups.description,
      place: workingGroups.place,
      state: workingGroups.state,
      districtId: workingGroups.districtId,
      languages: workingGroups.languages,
    })
    .from(workingGroups)
  const rows = ids ? query.where(inArray(workingGroups.id, ids)).all() : query.all()
  return rows.map((row) => ({
    kind: 'group',
    id: row.id,
    date: row.createdAt,
    sourceLocale: Object.keys(row.name)[0] ?? 'de',
    title: row.name,
    body: row.place ? Object.fromEntries(Object.entries(row.description).map(([k, v]) => [k, `${v}\n${row.place}`])) : row.description,
    ...notAPosting(row.districtId, row.languages, [], row.state === 'active'),
    // What the group is, in every language: «Begegnungscafé» finds every café, whatever its name.
    taxonomy: Object.values(groupKindTerms[row.kind]).flat(),
  }))
}
