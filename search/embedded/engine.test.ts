import { describe, expect, test, vi } from 'vitest'
import { writeTransaction, type Db } from '../../db/client'
import { commit } from '../../db/commands/run'
import { importExchange, type ExchangeInput } from '../../db/exchange'
import { testDatabase } from '../../tests/db'
import { contractFile, contractToday } from '../contract/fixture'
import { searchParams, type SearchInput, type SearchResponse } from '../engine'
import { Catalog } from './catalog'
import { TextIndex } from './text'
import { createEmbeddedEngine } from './engine'
import { Vocabulary } from './vocabulary'
import { indexIsCurrent, indexIsEmpty, reindex } from './writer'
import { commandContext } from '../context'

function setup() {
  const { db } = testDatabase()
  const load = (file: ExchangeInput) => {
    const outcome = importExchange(commandContext(db, null), file, { today: contractToday })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors))
  }
  load(contractFile)
  const engine = createEmbeddedEngine(db)
  const answer = (input: SearchInput, by = engine) => {
    const { tookMs: _, ...response } = by.search(searchParams.parse(input), contractToday) as Awaited<ReturnType<typeof engine.search>>
    return response
  }
  const ids = (input: SearchInput) => answer(input).hits.map((hit) => hit.id)
  return { db, load, ids, answer }
}

/** Changes through the one door (db/commands/run.ts), as the product makes them. */
function change(db: Db, sql: string, index: { postings?: string[]; organisations?: string[] }) {
  commit(commandContext(db, null), (tx, effects) => {
    tx.$client.prepare(sql).run()
    effects.index(index)
  })
}

describe('a running engine follows the change log instead of reloading', () => {
  const clothes = contractFile.postings!.find((p) => p.id === 'clothes')!

  test('saved, new, hidden and deleted postings are patched in, and it answers as a fresh engine does', () => {
    const { db, load, ids, answer } = setup()
    expect(ids({ q: 'Winterkleidung' })).toContain('clothes') // memory loaded
    const loads = vi.spyOn(Catalog, 'load')
    const textLoads = vi.spyOn(TextIndex, 'load')
    load({ format: 'treffpunkt/v1', postings: [{ ...clothes, title: { de: 'Sommerkleidung für Familien' } }] })
    load({ format: 'treffpunkt/v1', postings: [{ ...clothes, id: 'raincoats', title: { de: 'Regenjacken zu verschenken' }, district: 'nordstadt' }] })
    change(db, "update postings set moderation = 'hidden' where id = 'bicycles-uk'", { postings: ['bicycles-uk'] })
    change(db, "delete from postings where id = 'coats'", { postings: ['coats'] })

    expect(ids({ q: 'Somerkleidung' })).toEqual(['clothes']) // a new word, reached with a typo
    expect(ids({ q: 'Winterkleidung' })).not.toContain('clothes')
    expect(ids({ q: 'Regenjacken', district: ['nordstadt'] })).toEqual(['raincoats'])
    expect(ids({ q: 'Wintermäntel' })).toEqual([])
    expect(db.$client.prepare("select count(*) from search_documents where ref_id = 'coats'").pluck().get()).toBe(0)
    const queries: SearchInput[] = [{}, { q: 'Kleidung' }, { q: 'Fahrrad' }, { type: ['offer'] }, { district: ['nordstadt'] }, { q: 'Jacken', category: ['donations'] }]
    const patched = queries.map((query) => answer(query))
    expect(loads).not.toHaveBeenCalled()
    expect(textLoads).not.toHaveBeenCalled()
    const fresh = createEmbeddedEngine(db)
    expect(queries.map((query) => answer(query, fresh))).toEqual(patched)
    expect(loads).toHaveBeenCalledTimes(1) // the fresh engine's, a positive control for the spy
    expect(textLoads).toHaveBeenCalledTimes(1)
    loads.mockRestore()
    textLoads.mockRestore()
  })

  test('warming loads the memory the first search then uses', () => {
    const { db } = setup()
    const loads = vi.spyOn(Catalog, 'load')
    const engine = createEmbeddedEngine(db)
    expect(loads).toHaveBeenCalledTimes(0)
    engine.warm()
    expect(loads).toHaveBeenCalledTimes(1)
    expect((engine.search(searchParams.parse({ q: 'Winterkleidung' }), contractToday) as SearchResponse).hits.map((hit) => hit.id)).toContain('clothes')
    expect(loads).toHaveBeenCalledTimes(1)
    loads.mockRestore()
  })

  test('a rebuild, or changes pruned before it saw them, make it reload', () => {
    const { db, ids } = setup()
    ids({})
    const loads = vi.spyOn(Catalog, 'load')
    change(db, "update postings set title = json_set(title, '$.de', 'Wollmützen') where id = 'clothes'", { postings: ['clothes'] })
    expect(ids({ q: 'Wollmützen' })).toEqual(['clothes'])
    expect(loads).toHaveBeenCalledTimes(0)
    writeTransaction(db, (tx) => reindex(tx, { all: true }))
    expect(ids({ q: 'Wollmützen' })).toEqual(['clothes'])
    expect(loads).toHaveBeenCalledTimes(1)
    change(db, "update postings set title = json_set(title, '$.de', 'Strickjacken') where id = 'clothes'", { postings: ['clothes'] })
    change(db, "update postings set title = json_set(title, '$.de', 'Handschuhe') where id = 'coats'", { postings: ['coats'] })
    db.$client.prepare('delete from search_changes where seq = (select min(seq) from search_changes where doc <> 0)').run()
    expect(ids({ q: 'Strickjacken' })).toEqual(['clothes'])
    expect(ids({ q: 'Handschuhe' })).toEqual(['coats'])
    expect(loads).toHaveBeenCalledTimes(2)
    loads.mockRestore()
  })
})

describe('the embedded index stays current with every write', () => {
  test('an imported change is searchable the moment it commits', () => {
    const { load, ids } = setup()
    expect(ids({ q: 'Winterkleidung' })).toContain('clothes')
    const clothes = contractFile.postings!.find((p) => p.id === 'clothes')!
    load({ format: 'treffpunkt/v1', postings: [{ ...clothes, title: { de: 'Sommerkleidung für Familien' }, body: { de: 'Kurze Hosen.' } }] })
    expect(ids({ q: 'Winterkleidung' })).not.toContain('clothes')
    expect(ids({ q: 'Sommerkleidung' })).toEqual(['clothes'])
  })

  test('a new synonym reaches every posting of its category', () => {
    const { load, ids } = setup()
    expect(ids({ q: 'Alphabetisierung' })).toEqual([])
    const courses = contractFile.categories!.find((c) => c.id === 'language-courses')!
    load({ format: 'treffpunkt/v1', categories: [{ ...courses, synonyms: { de: ['Alphabetisierung'] } }] })
    expect(ids({ q: 'Alphabetisierung' }).sort()).toEqual(['cafe-talk', 'course'])
  })

  test('a renamed organisation re-indexes its postings', () => {
    const { load, ids } = setup()
    const vhs = contractFile.organisations!.find((o) => o.id === 'vhs')!
    load({ format: 'treffpunkt/v1', organisations: [{ ...vhs, name: 'Bildungszentrum Lindenfeld' }] })
    expect(ids({ q: 'Bildungszentrum', kind: ['posting'] }).sort()).toEqual(['cafe-talk', 'course'])
  })

  test('a suspended organisation disappears with its postings at once', () => {
    const { db, ids } = setup()
    change(db, "update organisations set suspended = 1 where id = 'kleiderkammer'", { organisations: ['kleiderkammer'] })
    expect(ids({ q: 'Winterkleidung' })).toEqual([])
    expect(ids({ q: 'Kleiderkammer' })).toEqual([])
  })

  test('a posting hidden by moderation disappears at once', () => {
    const { db, ids } = setup()
    change(db, "update postings set moderation = 'hidden' where id = 'course'", { postings: ['course'] })
    expect(ids({ q: 'Deutschkurs' })).not.toContain('course')
  })

  test('a full rebuild answers exactly as the incremental index', () => {
    const { db, ids } = setup()
    const queries: SearchInput[] = [{ q: 'Fahrrad' }, { q: 'دورة لغة', lang: 'ar' }, {}, { type: ['need'] }]
    const before = queries.map((query) => ids(query))
    writeTransaction(db, (tx) => reindex(tx, { all: true }))
    expect(indexIsEmpty(db)).toBe(false)
    expect(queries.map((query) => ids(query))).toEqual(before)
  })

  test('an index built by an older normalize counts as outdated until rebuilt', () => {
    const { db } = setup()
    writeTransaction(db, (tx) => reindex(tx, { all: true }))
    expect(indexIsCurrent(db)).toBe(true)
    db.$client.prepare("update settings set value = '1' where key = 'search.normalizeVersion'").run()
    expect(indexIsCurrent(db)).toBe(false)
    writeTransaction(db, (tx) => reindex(tx, { all: true }))
    expect(indexIsCurrent(db)).toBe(true)
  })
})

describe('work stays bounded', () => {
  const terms = Array.from({ length: 20_000 }, (_, i) => [`a${i.toString(36)}wort`, i % 97] as [string, number])
  const vocabulary = Vocabulary.of(terms)

  test('a one-letter prefix keeps the 50 most frequent completions', () => {
    const candidates = vocabulary.candidates('a', true)
    expect(candidates).toHaveLength(50)
    expect(Math.min(...candidates.map((c) => terms.find(([term]) => term === c.term)![1]))).toBe(96)
  })

  test('typo candidates are capped at 150 with one typo and 50 with two', () => {
    const word = 'wohnungssuche'
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    const replace = (text: string, at: number, letter: string) => text.slice(0, at) + letter + text.slice(at + 1)
    const variants = new Set<string>()
    for (let at = 1; at < word.length; at++) {
      for (const letter of letters) {
        variants.add(replace(word, at, letter)) // one typo
        variants.add(replace(replace(word, at, letter), ((at + 3) % (word.length - 1)) + 1, 'q')) // mostly two
      }
    }
    variants.delete(word)
    const candidates = Vocabulary.of([...variants].map((term) => [term, 1])).candidates(word, false)
    expect(candidates.filter((c) => c.typos === 1)).toHaveLength(150)
    expect(candidates.filter((c) => c.typos === 2)).toHaveLength(50)
  })
})
