import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { testDatabase } from '../../tests/db'
import { sampleFile } from '../../tests/fixtures/exchange'
import { indexAndRebuild } from '../../tests/search-index'
import { commandContext } from '../../search/context'
import { createEmbeddedEngine } from '../../search/embedded/engine'
import { searchParams, type SearchInput } from '../../search/engine'
import { actorOf } from '../accounts/sessions'
import type { Db } from '../client'
import { fakeClock } from '../clock'
import { exportExchange, importExchange } from '../exchange'
import { Forbidden } from '../permissions'
import { organisationMembers, userRoles, users } from '../schema'
import { addCategory, addDistrict, categoryFromForm, editCategory, mergeCategories, renameDistrict } from './taxonomy'

const today = '2026-12-02'

/** A person with a role, without the cost of a real password hash. */
function person(db: Db, id: string, role?: 'admin' | 'coordinator', organisation?: string) {
  db.insert(users).values({ id, email: `${id}@example.org`, name: id, passwordHash: 'x', locale: 'de', confirmedAt: '2026-01-01T00:00:00Z' }).run()
  if (role) db.insert(userRoles).values({ userId: id, role }).run()
  if (organisation) db.insert(organisationMembers).values({ organisationId: organisation, userId: id, role: 'editor' }).run()
}

function setup() {
  const { db } = testDatabase()
  const clock = fakeClock('2026-12-02T09:00:00Z')
  expect(importExchange(commandContext(db, null, clock), sampleFile(), { today }).ok).toBe(true)
  person(db, 'coordinator', 'coordinator')
  person(db, 'admin', 'admin')
  person(db, 'volunteer')
  person(db, 'editor', undefined, 'drk-lindenfeld')
  const as = (who: 'coordinator' | 'admin' | 'volunteer' | 'editor') => commandContext(db, actorOf(db, who), clock)
  const engine = createEmbeddedEngine(db)
  const ids = (input: SearchInput) => (engine.search(searchParams.parse(input), today) as Awaited<ReturnType<typeof engine.search>>).hits.map((hit) => hit.id)
  const stored = () => ({
    categories: db.$client.prepare('select id, parent_id, label, synonyms from categories order by id').all(),
    districts: db.$client.prepare('select id, name from districts order by id').all(),
    postings: db.$client.prepare('select id, category_id from postings order by id').all(),
    audit: db.$client.prepare('select count(*) n from audit_log').get(),
  })
  return { db, as, ids, stored }
}

const allLabels = (de: string) => ({ de, en: '', ar: '', fa: '', uk: '', ru: '', tr: '' })

describe('taxonomy commands', () => {
  test('only coordinators may change the taxonomy and districts', () => {
    const { as, stored } = setup()
    const before = stored()
    for (const who of ['volunteer', 'editor', 'admin'] as const) {
      expect(() => addCategory(as(who), { label: { de: 'Neu' } })).toThrow(Forbidden)
      expect(() => editCategory(as(who), { category: 'language', synonyms: { de: 'Paukkurs' } })).toThrow(Forbidden)
      expect(() => mergeCategories(as(who), { category: 'housing', into: 'language' })).toThrow(Forbidden)
      expect(() => addDistrict(as(who), { name: { de: 'Südstadt' } })).toThrow(Forbidden)
      expect(() => renameDistrict(as(who), { district: 'oststadt', name: { de: 'Ost' } })).toThrow(Forbidden)
    }
    expect(() => addCategory(commandContext(as('volunteer').db, null), { label: { de: 'Neu' } })).toThrow(Forbidden)
    expect(stored()).toEqual(before)
  })

  test('invalid input is refused with translated keys and stores nothing', () => {
    const { as, stored } = setup()
    const before = stored()
    const c = as('coordinator')
    expect(addCategory(c, { label: allLabels('') })).toEqual({ ok: false, errors: { 'label.de': 'taxonomy:errors.labelRequired' } })
    expect(addCategory(c, { label: { de: 'Kurs\u0000' } })).toEqual({ ok: false, errors: { 'label.de': 'taxonomy:errors.controlCharacter' } })
    expect(addCategory(c, { label: { de: 'x'.repeat(201) } })).toEqual({ ok: false, errors: { 'label.de': 'taxonomy:errors.tooLong' } })
    expect(addCategory(c, { label: { de: 'Neu' }, parent: 'language-courses' })).toEqual({ ok: false, errors: { parent: 'taxonomy:errors.parentNotTopLevel' } })
    expect(addCategory(c, { label: { de: 'Neu' }, parent: 'nowhere' })).toEqual({ ok: false, errors: { parent: 'taxonomy:errors.unknownParent' } })
    expect(addCategory(c, { label: { de: 'deutschkurse' }, parent: 'language' })).toEqual({ ok: false, errors: { 'label.de': 'taxonomy:errors.labelTaken' } })
    expect(editCategory(c, { category: 'language', parent: 'language' })).toEqual({ ok: false, errors: { parent: 'taxonomy:errors.parentSelf' } })
    expect(editCategory(c, { category: 'language', parent: 'housing' })).toEqual({ ok: false, errors: { parent: 'taxonomy:errors.hasChildren' } })
    expect(editCategory(c, { category: 'housing', parent: 'language-courses' })).toEqual({ ok: false, errors: { parent: 'taxonomy:errors.parentNotTopLevel' } })
    expect(editCategory(c, { category: 'nowhere', label: { de: 'X' } })).toEqual({ ok: false, errors: { category: 'taxonomy:errors.unknownCategory' } })
    expect(editCategory(c, { category: 'language', synonyms: { de: Array.from({ length: 51 }, (_, i) => `Wort${i}`).join(', ') } })).toEqual({
      ok: false,
      errors: { 'synonyms.de': 'taxonomy:errors.tooManySynonyms' },
    })
    expect(editCategory(c, { category: 'language', synonyms: { ar: 'كلمة\u001b' } })).toEqual({ ok: false, errors: { 'synonyms.ar': 'taxonomy:errors.controlCharacter' } })
    expect(editCategory(c, categoryFromForm({ category: 'language', 'label.de': ' ', 'label.ar': 'اللغة' }))).toEqual({ ok: false, errors: { 'label.de': 'taxonomy:errors.labelRequired' } })
    expect(mergeCategories(c, { category: 'language', into: 'language' })).toEqual({ ok: false, errors: { into: 'taxonomy:errors.mergeSelf' } })
    expect(mergeCategories(c, { category: 'language', into: 'language-courses' })).toEqual({ ok: false, errors: { into: 'taxonomy:errors.mergeNeedsTopLevel' } })
    expect(mergeCategories(c, { category: 'gone', into: 'language' })).toEqual({ ok: false, errors: { category: 'taxonomy:errors.unknownCategory' } })
    expect(mergeCategories(c, {})).toEqual({ ok: false, errors: { category: 'taxonomy:errors.choose', into: 'taxonomy:errors.choose' } })
    expect(mergeCategories(c, { category: 'x'.repeat(101), into: 'housing' })).toEqual({ ok: false, errors: { category: 'taxonomy:errors.unknownCategory' } })
    expect(addDistrict(c, { name: { de: 'oststadt' } })).toEqual({ ok: false, errors: { 'name.de': 'taxonomy:errors.nameTaken' } })
    expect(addDistrict(c, { name: { en: 'East' } })).toEqual({ ok: false, errors: { 'name.de': 'taxonomy:errors.nameRequired' } })
    expect(renameDistrict(c, { district: 'nowhere', name: { de: 'X' } })).toEqual({ ok: false, errors: { district: 'taxonomy:errors.unknownDistrict' } })
    expect(stored()).toEqual(before)
  })

  test('merging more synonyms than a locale may hold is refused', () => {
    const { as, stored } = setup()
    const c = as('coordinator')
    const many = (prefix: string) => Array.from({ length: 30 }, (_, i) => `${prefix}${i}`).join('\n')
    expect(editCategory(c, { category: 'housing', synonyms: { de: many('Haus') } }).ok).toBe(true)
    expect(editCategory(c, { category: 'language-courses', synonyms: { de: many('Kurs') } }).ok).toBe(true)
    const before = stored()
    expect(mergeCategories(c, { category: 'language-courses', into: 'housing' })).toEqual({ ok: false, errors: { into: 'taxonomy:errors.mergeTooManySynonyms' } })
    expect(stored()).toEqual(before)
  })

  test('each command writes what it says, with one audit entry, and keeps labels in other languages', () => {
    const { as, db } = setup()
    const c = as('coordinator')
    db.$client.prepare(`update categories set label = json_set(label, '$.ps', 'ژبه') where id = 'language'`).run()
    const audits = () => db.$client.prepare('select action, subject_type, subject_id, reason, actor_id from audit_log where actor_id is not null order by id').all()
    const added = addCategory(c, { label: { de: 'Paukkurse für Mütter', ar: 'دورات' }, parent: 'language' })
    expect(added).toEqual({ ok: true, value: { id: 'paukkurse-fuer-muetter' } })
    expect(editCategory(c, categoryFromForm({ category: 'language', 'label.de': 'Sprachen', 'label.ar': '', 'label.en': 'Languages', 'synonyms.de': 'Paukkurs, Sprachkurs\nDeutsch lernen', 'synonyms.ar': '' })).ok).toBe(true)
    const language = db.$client.prepare(`select label, synonyms from categories where id = 'language'`).get() as { label: string; synonyms: string }
    expect(JSON.parse(language.label)).toEqual({ de: 'Sprachen', en: 'Languages', ps: 'ژبه' })
    expect(JSON.parse(language.synonyms)).toEqual({ de: ['Paukkurs', 'Sprachkurs', 'Deutsch lernen'] })
    // Unchanged: no write, no entry.
    expect(editCategory(c, { category: 'language', synonyms: { de: 'Paukkurs،Sprachkurs\r\nDeutsch lernen' } }).ok).toBe(true)
    expect(editCategory(c, { category: 'paukkurse-fuer-muetter', parent: '' }).ok).toBe(true)
    // A locale the form did not send stays as it is.
    expect(editCategory(c, categoryFromForm({ category: 'language-courses', 'label.de': 'Deutschkurse', 'synonyms.de': 'Integrationskurs' })).ok).toBe(true)
    expect(db.$client.prepare(`select label, synonyms from categories where id = 'language-courses'`).get()).toEqual({ label: JSON.stringify({ de: 'Deutschkurse', en: 'German courses' }), synonyms: JSON.stringify({ de: ['Integrationskurs'] }) })
    expect(addDistrict(c, { name: { de: 'Südstadt', ar: 'زودشتات' } })).toEqual({ ok: true, value: { id: 'suedstadt' } })
    expect(renameDistrict(c, { district: 'weststadt', name: { de: 'Weststadt', en: 'West End' } }).ok).toBe(true)
    expect(audits()).toEqual([
      { action: 'category.create', subject_type: 'category', subject_id: 'paukkurse-fuer-muetter', reason: null, actor_id: 'coordinator' },
      { action: 'category.update', subject_type: 'category', subject_id: 'language', reason: 'label, synonyms', actor_id: 'coordinator' },
      { action: 'category.update', subject_type: 'category', subject_id: 'paukkurse-fuer-muetter', reason: 'parent', actor_id: 'coordinator' },
      { action: 'category.update', subject_type: 'category', subject_id: 'language-courses', reason: 'synonyms', actor_id: 'coordinator' },
      { action: 'district.create', subject_type: 'district', subject_id: 'suedstadt', reason: null, actor_id: 'coordinator' },
      { action: 'district.update', subject_type: 'district', subject_id: 'weststadt', reason: null, actor_id: 'coordinator' },
    ])
  })

  test('a merge moves postings and sub-categories and keeps the old words as synonyms', () => {
    const { as, db } = setup()
    expect(mergeCategories(as('coordinator'), { category: 'language', into: 'housing' })).toEqual({ ok: true, value: null })
    const rows = db.$client.prepare('select id, parent_id, synonyms from categories order by id').all()
    expect(rows).toEqual([
      { id: 'housing', parent_id: null, synonyms: JSON.stringify({ de: ['Sprache', 'Deutschkurs'], ar: ['اللغة', 'دورة لغة'] }) },
      { id: 'language-courses', parent_id: 'housing', synonyms: '{}' },
    ])
    expect(db.$client.prepare("select count(*) n from audit_log where action = 'category.merge' and subject_id = 'language' and reason = 'housing'").get()).toEqual({ n: 1 })
  })
})

describe('search follows the taxonomy at once', () => {
  test('a new synonym finds the postings of its category in the same process', () => {
    const { as, ids } = setup()
    expect(ids({ q: 'Paukkurs' })).toEqual([])
    expect(editCategory(as('coordinator'), { category: 'language', synonyms: { de: 'Deutschkurs, Paukkurs' } }).ok).toBe(true)
    // p-001 is in a sub-category of language: the parent's words reach it too.
    expect(ids({ q: 'Paukkurs' })).toEqual(['p-001'])
  })

  test('after a merge the source postings are under the target, and the old words still find them', () => {
    const { as, ids } = setup()
    expect(ids({ category: ['housing'] })).toEqual(['p-002'])
    expect(ids({ q: 'German courses' })).toEqual(['p-001'])
    expect(mergeCategories(as('coordinator'), { category: 'language-courses', into: 'housing' }).ok).toBe(true)
    expect(ids({ category: ['housing'] }).sort()).toEqual(['p-001', 'p-002'])
    expect(ids({ category: ['language'] })).toEqual([])
    // The target's postings now answer to the old words too: they are one category.
    expect(ids({ q: 'German courses' }).sort()).toEqual(['p-001', 'p-002'])
    expect(ids({ q: 'Deutschkurse', category: ['housing'] })).toContain('p-001')
  })

  test('a moved category takes its postings along in the filters', () => {
    const { as, ids } = setup()
    expect(editCategory(as('coordinator'), { category: 'language-courses', parent: 'housing' }).ok).toBe(true)
    expect(ids({ category: ['housing'] }).sort()).toEqual(['p-001', 'p-002'])
    expect(ids({ q: 'Sprache', kind: ['posting'] })).toEqual([])
  })
})

type Step =
  | { kind: 'add'; label: string; parent: string }
  | { kind: 'edit'; category: string; label: string; synonyms: string; parent?: string }
  | { kind: 'merge'; category: string; into: string }
  | { kind: 'district'; id: string; name: string }

const categoryIds = fc.constantFrom('language', 'language-courses', 'housing', 'neu', 'neu-2', 'nowhere')
const word = fc.constantFrom('Paukkurs', 'Wohnung', 'Neu', 'دورة', 'Курси', 'kışlık', '')
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), label: word, parent: fc.constantFrom('', 'language', 'housing', 'language-courses') }),
  fc.record({ kind: fc.constant('edit' as const), category: categoryIds, label: word, synonyms: fc.array(word, { maxLength: 3 }).map((w) => w.join(', ')), parent: fc.option(fc.constantFrom('', 'language', 'housing'), { nil: undefined }) }),
  fc.record({ kind: fc.constant('merge' as const), category: categoryIds, into: categoryIds }),
  fc.record({ kind: fc.constant('district' as const), id: fc.constantFrom('oststadt', 'new'), name: word }),
)

test('random taxonomy commands: the index equals a rebuild after each, and export round-trips', () => {
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
      const { db, as } = setup()
      const c = as('coordinator')
      for (const s of steps) {
        if (s.kind === 'add') addCategory(c, { label: { de: s.label, en: s.label }, parent: s.parent })
        if (s.kind === 'edit') editCategory(c, { category: s.category, label: { de: s.label || 'Etwas' }, synonyms: { de: s.synonyms, uk: s.synonyms }, parent: s.parent })
        if (s.kind === 'merge') mergeCategories(c, { category: s.category, into: s.into })
        if (s.kind === 'district' && s.id === 'new') addDistrict(c, { name: { de: s.name } })
        if (s.kind === 'district' && s.id !== 'new') renameDistrict(c, { district: s.id, name: { de: s.name || 'Oststadt' } })
        const { incremental, rebuilt } = indexAndRebuild(db)
        expect(incremental).toEqual(rebuilt)
      }
      const exported = exportExchange(db)
      const second = testDatabase().db
      const outcome = importExchange(commandContext(second, null), exported, { today })
      expect(outcome.ok).toBe(true)
      expect(exportExchange(second)).toEqual(exported)
      db.$client.close()
      second.$client.close()
    }),
    { numRuns: 25, seed: 20261202 },
  )
})
