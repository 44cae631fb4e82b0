import { z } from 'zod'

export const searchKinds = ['posting', 'organisation', 'group'] as const
export type SearchKind = (typeof searchKinds)[number]

const texts = z.record(z.string(), z.string())

/**
 * What either engine indexes for one posting, organisation or group: display texts per
 * language, the taxonomy's labels and synonyms in every language (so an Arabic query finds
 * a German-only course), and facet values. Contact details and anything about a person
 * never enter a document.
 */
export const searchDocument = z.object({
  kind: z.enum(searchKinds),
  id: z.string(),
  /** What "newest" sorts by: when a posting became valid, else when a record was created. */
  date: z.string(),
  sourceLocale: z.string(),
  title: texts,
  body: texts,
  /** Labels and synonyms of the category and its ancestors, all languages. */
  taxonomy: z.array(z.string()),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The organisation (of a posting: its organisation) is not yet verified by a coordinator; marked wherever it shows. */
  unverified: z.boolean(),
  /** Languages whose text a volunteer translated (postings), marked as community translations. */
  community: z.array(z.string()),
  type: z.enum(['offer', 'need']).nullable(),
  category: z.string().nullable(),
  district: z.string().nullable(),
  /**
   * The visibility rule's inputs (docs/visibility.md) for an engine that cannot join the
   * database: listed = published, not hidden, organisation not suspended (or, for
   * organisations and groups, not suspended or closed). Dates are checked at query time.
   */
  visibility: z.object({ listed: z.boolean(), validFrom: z.string().nullable(), validUntil: z.string().nullable() }),
  facets: z.object({
    type: z.array(z.string()),
    /** The category and its ancestors: a filter on a parent finds its sub-categories. */
    category: z.array(z.string()),
    district: z.array(z.string()),
    audience: z.array(z.string()),
    language: z.array(z.string()),
    orgKind: z.array(z.string()),
  }),
})

export type SearchDocument = z.infer<typeof searchDocument>
export const facetNames = ['type', 'category', 'district', 'audience', 'language', 'orgKind'] as const
export type FacetName = (typeof facetNames)[number]
