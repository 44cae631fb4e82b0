import fc from 'fast-check'
import { expect, test } from 'vitest'
import { sampleFile } from '../../tests/fixtures/exchange'
import { testDatabase } from '../../tests/db'
import { indexAndRebuild } from '../../tests/search-index'
import { commandContext } from '../../search/context'
import { fakeClock } from '../clock'
import { importExchange } from '../exchange'
import { signUp } from './accounts'

const words = fc.constantFrom('Deutschkurs', 'Fahrrad', 'Wohnung', 'ملابس', 'الترجمة', 'Курси', 'kışlık', 'Kinderbetreuung', 'Begegnungscafé')
const text = fc.array(words, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '))

type Step =
  | { kind: 'posting'; id: string; title: string; status: 'published' | 'draft' | 'withdrawn'; category: string }
  | { kind: 'newPosting'; n: number; title: string; organisation: string }
  | { kind: 'organisation'; id: string; name: string }
  | { kind: 'category'; id: string; label: string; synonym: string }
  | { kind: 'group'; id: string; name: string }
  | { kind: 'signUp'; n: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('posting' as const), id: fc.constantFrom('p-001', 'p-002'), title: text, status: fc.constantFrom('published' as const, 'draft' as const, 'withdrawn' as const), category: fc.constantFrom('language', 'language-courses', 'housing') }),
  fc.record({ kind: fc.constant('newPosting' as const), n: fc.integer({ min: 1, max: 5 }), title: text, organisation: fc.constantFrom('drk-lindenfeld', 'asylkreis') }),
  fc.record({ kind: fc.constant('organisation' as const), id: fc.constantFrom('drk-lindenfeld', 'asylkreis'), name: text }),
  fc.record({ kind: fc.constant('category' as const), id: fc.constantFrom('language', 'housing'), label: text, synonym: text }),
  fc.record({ kind: fc.constant('group' as const), id: fc.constantFrom('ak-sprache', 'cafe-ost'), name: text }),
  fc.record({ kind: fc.constant('signUp' as const), n: fc.integer({ min: 1, max: 1000 }) }),
)

function fileFor(s: Exclude<Step, { kind: 'signUp' }>) {
  const base = sampleFile()
  switch (s.kind) {
    case 'posting': {
      const posting = base.postings.find((p) => p.id === s.id)!
      return { format: 'treffpunkt/v1', postings: [{ ...posting, title: { de: s.title }, sourceLocale: 'de', status: s.status, category: s.category }] }
    }
    case 'newPosting':
      return { format: 'treffpunkt/v1', postings: [{ id: `p-new-${s.n}`, organisation: s.organisation, type: 'offer', category: 'housing', title: { de: s.title }, status: 'published' }] }
    case 'organisation':
      return { format: 'treffpunkt/v1', organisations: [{ ...base.organisations.find((o) => o.id === s.id)!, name: s.name }] }
    case 'category':
      return { format: 'treffpunkt/v1', categories: [{ ...base.categories.find((c) => c.id === s.id)!, label: { de: s.label }, synonyms: { de: [s.synonym] } }] }
    case 'group':
      return { format: 'treffpunkt/v1', workingGroups: [{ ...base.workingGroups.find((g) => g.id === s.id)!, name: { de: s.name } }] }
  }
}

test('random command sequences: the index always equals a rebuild, and every change has one audit entry', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
      const { db } = testDatabase()
      const clock = fakeClock('2026-12-02T09:00:00Z')
      const context = commandContext(db, null, clock)
      const seeded = importExchange(context, sampleFile(), { today: '2026-12-02' })
      expect(seeded.ok).toBe(true)
      let changes = db.$client.prepare('select count(*) n from audit_log').get() as { n: number }
      let expected = changes.n
      for (const s of steps) {
        if (s.kind === 'signUp') {
          const outcome = await signUp(context, { email: `p${s.n}@example.org`, name: 'P', password: 'Kastanien-Allee-Herbst-4', locale: 'de' })
          // A known address changes nothing (and tells its owner): no audit entry.
          if (outcome.ok && outcome.value.created) expected++
          continue
        }
        const outcome = importExchange(context, fileFor(s), { today: '2026-12-02' })
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
        for (const counts of Object.values(outcome.counts)) expected += counts.created + counts.updated
        clock.advance(60_000)
      }
      changes = db.$client.prepare('select count(*) n from audit_log').get() as { n: number }
      expect(changes.n).toBe(expected)
      const { incremental, rebuilt } = indexAndRebuild(db)
      expect(incremental).toEqual(rebuilt)
      db.$client.close()
    }),
    { numRuns: 30, seed: 20261202 },
  )
})
