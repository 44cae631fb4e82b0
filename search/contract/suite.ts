import { beforeAll, describe, expect, test } from 'vitest'
import type { ExchangeInput } from '../../db/exchange'
import { searchParams, type SearchEngine, type SearchInput, type SearchResponse } from '../engine'
import { contractFile, contractToday } from './fixture'

/** Builds an engine holding `file` as imported on `today`; each engine brings its own. */
export type EngineFactory = (file: ExchangeInput, today: string) => Promise<SearchEngine>

/**
 * The behaviours DESIGN.md's "Search design" promises, stated once for every engine: the
 * embedded engine runs them always, Meilisearch whenever MEILI_URL is set.
 */
export function searchContract(name: string, create: EngineFactory) {
  describe(`search contract: ${name}`, () => {
    let engine: SearchEngine
    beforeAll(async () => {
      engine = await create(contractFile, contractToday)
    })
    const search = async (input: SearchInput): Promise<SearchResponse> =>
      engine.search(searchParams.parse(input), contractToday)
    const ids = async (input: SearchInput) => (await search(input)).hits.map((hit) => hit.id)

    describe('finds what was written, in every language', () => {
      test.each([
        ['de', 'Winterkleidung'],
        ['en', 'winter clothes'],
        ['ar', 'ملابس شتوية'],
        ['fa', 'لباس زمستانی'],
        ['uk', 'зимовий одяг'],
        ['ru', 'зимняя одежда'],
        ['tr', 'kışlık giysiler'],
      ])('%s: %s', async (lang, q) => {
        const { hits } = await search({ q, lang: lang as SearchInput['lang'] })
        expect(hits[0]).toMatchObject({ id: 'clothes', lang, kind: 'posting', type: 'offer', url: `/${lang}/postings/clothes` })
      })
    })

    describe('reaches a German-only course through the taxonomy in every language', () => {
      test.each([
        ['de', 'Integrationskurs'],
        ['en', 'language class'],
        ['ar', 'دورة لغة'],
        ['fa', 'کلاس زبان'],
        ['uk', 'мовні курси'],
        ['ru', 'языковые курсы'],
        ['tr', 'dil kursu'],
      ])('%s: %s', async (lang, q) => {
        const { hits } = await search({ q, lang: lang as SearchInput['lang'] })
        const course = hits.find((hit) => hit.id === 'course')
        // Shown in the source language, marked as such, because no translation exists.
        expect(course).toMatchObject({ title: 'Deutschkurs am Abend für Berufstätige', lang: 'de' })
      })
    })

    describe('folds diacritics and script variants', () => {
      test.each([
        ['ar', 'hamza on alef and teh marbuta', 'اسره', 'childcare'],
        ['ar', 'harakat', 'المدرسة', 'childcare'],
        ['ar', 'tatweel in the query', 'المـدرسة', 'childcare'],
        ['ar', 'tatweel in the text', 'جدا', 'childcare'],
        ['ar', 'harakat in the query', 'رِعَايَة', 'childcare'],
        ['fa', 'Arabic kaf for Persian keheh', 'كمك', 'flat'],
        ['fa', 'Arabic yeh for Persian yeh', 'پيدا', 'flat'],
        ['fa', 'ZWNJ separates word parts', 'خانواده', 'flat'],
        ['fa', 'Persian digits', '5 نفره', 'flat'],
        ['tr', 'dotless and dotted i', 'KADINLAR', 'coats'],
        ['tr', 'İ with a dot', 'iyi durumda', 'coats'],
        ['de', 'ß', 'Strasse', 'workshop'],
        ['de', 'umlauts', 'Fahrrader', 'workshop'],
        ['de', 'upper case umlauts', 'MÜHLENWEG', 'workshop'],
        ['uk', 'Cyrillic case', 'ВЕЛОСИПЕДИ', 'bicycles-uk'],
        ['uk', 'й and ї stay letters', 'Києві', 'bicycles-uk'],
        ['ru', 'Cyrillic case', 'ДОМАШНИМИ ЗАДАНИЯМИ', 'homework'],
        ['ar', 'the article in the query, not the text', 'الملابس', 'clothes'],
        ['ar', 'the article in the text, not the query', 'أطفال', 'childcare'],
        ['ar', 'a particle on the article', 'بالمدرسة', 'childcare'],
        ['ar', 'li- with the article', 'للعائلات', 'clothes'],
        ['ar', 'wa- on the article', 'والملابس', 'clothes'],
        ['ar', 'fa- on the article', 'فالمدرسة', 'childcare'],
        ['ar', 'ka- on the article', 'كالعائلات', 'clothes'],
        ['uk', 'the apostrophe as ’ (U+2019), as written', 'сім’єю', 'bicycles-uk'],
        ['uk', 'the apostrophe as ʼ (U+02BC)', 'сімʼєю', 'bicycles-uk'],
        ['uk', 'the apostrophe as \' (U+0027)', "сім'єю", 'bicycles-uk'],
      ])('%s: %s (%s)', async (lang, _what, q, id) => {
        expect(await ids({ q, lang: lang as SearchInput['lang'] })).toContain(id)
      })
    })

    describe('tolerates typos by Meilisearch’s rules', () => {
      test.each([
        ['one typo from 5 letters', 'Fahrad', 'workshop'],
        ['a swap is one typo', 'Hausaufgabenhlife', 'homework'],
        ['two typos from 9 letters', 'Husaufgabnhilfe', 'homework'],
        ['a wrong first letter costs two, allowed from 9', 'Bausaufgaben', 'homework'],
        ['in Arabic', 'ملابس شتوبة', 'clothes'],
        ['in Ukrainian', 'велосипди', 'bicycles-uk'],
      ])('%s: %s', async (_what, q, id) => {
        expect(await ids({ q })).toContain(id)
      })

      test.each([
        ['no typo below 5 letters', 'Kurz'],
        ['two typos need 9 letters', 'Fharad'],
        ['a wrong first letter costs two', 'Vahrrad'],
      ])('%s: %s finds nothing', async (_what, q) => {
        expect((await search({ q, kind: ['posting'] })).total).toBe(0)
      })
    })

    // Issue 16: the typo budget counts the word as normalised (the article is not part of
    // it), and a glossary word is taken as written, so a short Arabic-script word finds
    // what it means and not a word one letter away. Every "not" has a positive control.
    describe('counts typos on the normalised word and takes glossary words as written', () => {
      test('Dari «الماری» (wardrobe) is «ماری», 4 letters: no typo, so not «آلمانی» (German)', async () => {
        expect(await ids({ q: 'آلمانی' })).toContain('course')
        const wardrobe = await ids({ q: 'الماری' })
        expect(wardrobe).not.toContain('course')
        expect(wardrobe).toContain('clothes')
      })

      test('ar «تعزيل» (moving house) is a glossary word: it finds housing, not «تعديل» (alteration)', async () => {
        expect(await ids({ q: 'تعديل' })).toContain('beratung')
        const moving = await ids({ q: 'تعزيل' })
        expect(moving).toContain('flat')
        expect(moving).not.toContain('beratung')
      })

      test('an unknown word of 5 letters still gets its typo', async () => {
        expect(await ids({ q: 'تعديك', kind: ['organisation'] })).toEqual(['beratung'])
      })

      test('fa «کیس» (asylum case) finds the case first; «کیسه» (bag) never finds «کیس»', async () => {
        const found = await ids({ q: 'کیس' })
        expect(found[0]).toBe('flat')
        const bag = await ids({ q: 'کیسه' })
        expect(bag).toContain('clothes')
        expect(bag).not.toContain('flat')
      })
    })

    describe('finds everyday words through the glossary, in every script', () => {
      test.each([
        ['de', 'Klamotten', ['clothes', 'coats']],
        ['ar', 'أواعي', ['clothes', 'coats']],
        ['ar', 'تياب', ['clothes', 'coats']],
        ['ar', 'الأواعي', ['clothes', 'coats']],
        ['ar', 'كيتا', ['childcare']],
        ['de', 'Kita', ['childcare']],
        ['fa', 'پوشاک', ['clothes', 'coats']],
        ['uk', 'зняти квартиру', ['flat']],
        ['ru', 'снять квартиру', ['flat']],
      ])('%s: %s', async (lang, q, expected) => {
        expect((await ids({ q, lang: lang as SearchInput['lang'], kind: ['posting'] })).sort()).toEqual(expected)
      })

      test('a glossary word finds nothing outside its category', async () => {
        expect(await ids({ q: 'Kleidung', kind: ['posting'] })).toContain('clothes')
        expect(await ids({ q: 'Klamotten', kind: ['posting'] })).not.toContain('flat')
      })
    })

    describe('finds a working group by its kind in every language', () => {
      test.each([
        ['de', 'Begegnungscafé', 'cafe-ost'],
        ['en', 'meeting café', 'cafe-ost'],
        ['uk', 'кафе зустрічей', 'cafe-ost'],
        ['ru', 'кафе встреч', 'cafe-ost'],
        ['tr', 'buluşma kafesi', 'cafe-ost'],
        ['fa', 'کافه دیدار', 'cafe-ost'],
        ['de', 'Arbeitskreis', 'ak-rad'],
        ['en', 'volunteer group', 'ak-rad'],
        ['ar', 'مجموعة متطوعين', 'ak-rad'],
        ['fa', 'گروه رضاکاران', 'ak-rad'],
      ])('%s: %s', async (lang, q, id) => {
        expect(await ids({ q, lang: lang as SearchInput['lang'], kind: ['group'] })).toEqual([id])
      })
    })

    describe('completes the last word as a prefix, with typos', () => {
      test.each([
        ['de', 'Hausaufg', 'homework'],
        ['de', 'Deutschk', 'course'],
        ['de', 'Deutchk', 'course'],
        ['ar', 'ملابس شتو', 'clothes'],
        ['uk', 'безкоштовні велос', 'bicycles-uk'],
        ['tr', 'kışlık mo', 'coats'],
      ])('%s: %s', async (lang, q, id) => {
        expect(await ids({ q, lang: lang as SearchInput['lang'] })).toContain(id)
      })

      test('only the last word is a prefix', async () => {
        expect(await ids({ q: 'Schulkinder Hausaufg' })).toEqual(['homework'])
        expect(await ids({ q: 'Hausaufg Schulkinder' })).toEqual([])
        const strict = await search({ q: 'Schulkinder Hausaufg', kind: ['posting'] })
        expect(strict.hits[0].snippet).toContain('<mark>Hausaufg</mark>aben')
      })
    })

    describe('treats operators and punctuation as text', () => {
      test.each([
        '"Deutsch-kurs',
        'c++',
        'AND',
        'OR Fahrrad',
        'NEAR(Fahrrad Werkstatt)',
        '-Fahrrad',
        '*',
        'Fahrrad*',
        "'; drop table postings; --",
        '🙂 Fahrrad 🚲',
        '(((',
        'title:Fahrrad',
        '^Fahrrad',
        'a'.repeat(500),
        '٫٬؟،؛',
        '\u0000\u200b\u200c',
      ])('%s', async (q) => {
        const response = await search({ q })
        expect(response.total).toBeGreaterThanOrEqual(0)
        expect(response.hits.length).toBeLessThanOrEqual(response.perPage)
      })

      test('words around operators still match', async () => {
        expect(await ids({ q: 'Fahrrad*' })).toContain('workshop')
        expect(await ids({ q: '-Fahrradwerkstatt' })).toContain('workshop')
        expect(await ids({ q: '"Winterkleidung' })).toContain('clothes')
        expect(await ids({ q: 'C++ Hausaufgaben' })).toContain('homework')
      })
    })

    describe('ranks as Meilisearch’s default rules do', () => {
      test('a title match before a body match', async () => {
        const order = await ids({ q: 'Deutschkurs', kind: ['posting'] })
        expect(order.indexOf('course')).toBeLessThan(order.indexOf('cafe-talk'))
        expect(order.indexOf('course')).toBe(0)
      })

      test('more matched words first, and the last word dropped when nothing matches all', async () => {
        expect((await ids({ q: 'Deutschkurs Abend' }))[0]).toBe('course')
        expect(await ids({ q: 'Fahrradwerkstatt qqqxyzzy' })).toContain('workshop')
      })

      test('fewer typos first', async () => {
        // "Mützen" is in the older posting; the newer one only has "Mütze", one typo away.
        expect(await ids({ q: 'Mützen', kind: ['posting'] })).toEqual(['clothes', 'coats'])
      })
    })

    // A multi-word query means the documents with all its words when they fill the page
    // asked for, else one word fewer, down to the first word; its total, facet counts and
    // "newest" order are those of that word set (issue 14: Meilisearch's own
    // matchingStrategy "last" counts everything that has the first word).
    // "Kleidung Familien": both words are only in `clothes`; "Kleidung" alone is also in
    // `coats`, which is newer.
    describe('counts and orders the word set a multi-word query used', () => {
      test('all words when they fill the page: total and facets count them alone', async () => {
        const { total, hits, facets } = await search({ q: 'Kleidung Familien', perPage: 1 })
        expect(total).toBe(1)
        expect(hits.map((hit) => hit.id)).toEqual(['clothes'])
        expect(facets.kind).toEqual({ posting: 1 })
        expect(facets.type).toEqual({ offer: 1 })
      })

      test('one word fewer when they do not: documents with more words first', async () => {
        const { total, hits, facets } = await search({ q: 'Kleidung Familien' })
        expect(total).toBe(2)
        expect(hits.map((hit) => hit.id)).toEqual(['clothes', 'coats'])
        expect(facets.type).toEqual({ offer: 1, need: 1 })
      })

      test('a facet filter counts within that word set, disjunctively', async () => {
        const { total, hits, facets } = await search({ q: 'Kleidung Familien', type: ['need'] })
        expect(total).toBe(1)
        expect(hits.map((hit) => hit.id)).toEqual(['coats'])
        expect(facets.type).toEqual({ offer: 1, need: 1 })
      })

      test('newest first orders that word set by date, and nothing beyond it', async () => {
        expect(await ids({ q: 'Kleidung Familien', sort: 'newest', perPage: 1 })).toEqual(['clothes'])
        expect(await ids({ q: 'Kleidung Familien', sort: 'newest' })).toEqual(['coats', 'clothes'])
      })
    })

    describe('shows the reader’s language first, then the source language', () => {
      test('translation in the reader’s language', async () => {
        const { hits } = await search({ q: 'Winterkleidung', lang: 'ar' })
        expect(hits[0]).toMatchObject({ id: 'clothes', lang: 'ar', title: 'ملابس شتوية للعائلات' })
      })
      test('source language when no translation exists', async () => {
        const { hits } = await search({ q: 'Hausaufgabenhilfe', lang: 'uk' })
        expect(hits[0]).toMatchObject({ id: 'homework', lang: 'ru', title: 'Помощь с домашними заданиями' })
      })
      test('organisations carry their name, groups their translated name', async () => {
        expect((await search({ q: 'Migrationsberatung', lang: 'fa' })).hits[0]).toMatchObject({
          id: 'beratung',
          kind: 'organisation',
          type: null,
          title: 'Migrationsberatung Weststadt',
          url: '/fa/organisations/beratung',
          organisation: null,
        })
        expect((await search({ q: 'Begegnungscafe', lang: 'ar' })).hits[0]).toMatchObject({
          id: 'cafe-ost',
          kind: 'group',
          title: 'مقهى اللقاء في أوستشتات',
          url: '/ar/groups/cafe-ost',
        })
      })
      test('postings name their organisation', async () => {
        expect((await search({ q: 'Winterkleidung' })).hits[0].organisation).toEqual({ id: 'kleiderkammer', name: 'Kleiderkammer Oststadt' })
      })
    })

    describe('marks matches in HTML-escaped snippets', () => {
      test('escapes the text and marks the match', async () => {
        const { hits } = await search({ q: 'Hefte', lang: 'de' })
        expect(hits[0].id).toBe('homework')
        expect(hits[0].snippet).toContain('&lt;b&gt;<mark>Hefte</mark>&lt;/b&gt; &amp; Stifte')
      })
      test('marks the original text, diacritics included', async () => {
        const { hits } = await search({ q: 'المدرسة', lang: 'ar' })
        expect(hits[0].snippet).toContain('<mark>المَدرسة</mark>')
      })
    })

    describe('applies the visibility rule', () => {
      test('drafts, expired and not yet valid postings are never found', async () => {
        expect((await search({ q: 'Zaubertrank' })).total).toBe(0)
      })
      test('nor counted', async () => {
        const { total, facets } = await search({})
        expect(total).toBe(9 + 4 + 2)
        expect(facets.kind).toEqual({ posting: 9, organisation: 4, group: 2 })
      })
    })

    describe('filters and counts facets', () => {
      test('browses newest first without a query, in pages', async () => {
        const all = await ids({ kind: ['posting'] })
        expect(all.slice(0, 3)).toEqual(['coats', 'flat', 'clothes'])
        const second = await search({ kind: ['posting'], perPage: 2, page: 2 })
        expect(second.hits.map((hit) => hit.id)).toEqual(all.slice(2, 4))
        expect(second).toMatchObject({ total: 9, page: 2, perPage: 2, estimated: false })
      })

      test('counts are disjunctive within a facet and conjunctive across facets', async () => {
        const { total, facets } = await search({ type: ['need'] })
        expect(total).toBe(2)
        expect(facets.type).toEqual({ offer: 7, need: 2 })
        // Only postings have a type: the filter leaves organisations and groups out.
        expect(facets.kind).toEqual({ posting: 2 })
        expect(facets.district).toEqual({ oststadt: 1, weststadt: 1 })
      })

      test('a parent category includes its sub-categories', async () => {
        expect((await ids({ category: ['transport'] })).sort()).toEqual(['bicycles-uk', 'workshop'])
        const { facets } = await search({ category: ['transport'] })
        expect(facets.category).toMatchObject({ transport: 2, 'transport-bicycles': 2, language: 2, donations: 2 })
      })

      test('repeated values mean OR, different parameters AND', async () => {
        expect((await ids({ district: ['oststadt', 'nordstadt'], kind: ['organisation'] })).sort()).toEqual(['kleiderkammer', 'ukraine', 'vhs'])
        expect(await ids({ district: ['oststadt'], type: ['need'] })).toEqual(['coats'])
        expect((await ids({ audience: ['children'], language: ['ru'] })).sort()).toEqual(['bicycles-uk', 'homework'])
      })

      test('organisation kind applies to organisations and to postings by their organisation', async () => {
        const found = await search({ orgKind: ['advisory_centre'] })
        expect(found.hits.map((hit) => hit.id).sort()).toEqual(['beratung', 'childcare', 'flat'])
        expect(found.facets.kind).toEqual({ posting: 2, organisation: 1 })
      })

      test('spoken languages filter organisations and groups too', async () => {
        expect((await ids({ language: ['ar'], kind: ['organisation', 'group'] })).sort()).toEqual(['beratung', 'cafe-ost'])
      })

      test('facets follow the query', async () => {
        const { facets } = await search({ q: 'Fahrrad' })
        // Fahrradwerkstatt by prefix, Fahrräder through the category label, Arbeitskreis Fahrrad.
        expect(facets.kind).toEqual({ posting: 2, group: 1 })
      })

      test('labels in the reader’s language', async () => {
        const { labels } = await search({ lang: 'uk' })
        expect(labels.category).toMatchObject({ language: 'Мова', 'language-courses': 'Курси німецької' })
        expect(labels.district).toMatchObject({ oststadt: 'Остштадт', nordstadt: 'Nordstadt' })
      })
    })

    test('keeps personal data out of the index', async () => {
      expect((await search({ q: 'sprechstunde' })).total).toBe(0)
      expect((await search({ q: '555123' })).total).toBe(0)
    })
  })
}
