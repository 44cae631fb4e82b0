import { describe, expect, test } from 'vitest'
import { writeTransaction } from '../../db/client'
import { importExchange, type ExchangeInput } from '../../db/exchange'
import { testDatabase } from '../../tests/db'
import { contractFile, contractToday } from '../contract/fixture'
import { searchParams, type SearchInput } from '../engine'
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
  const ids = (input: SearchInput) =>
    (engine.search(searchParams.parse(input), contractToday) as Awaited<ReturnType<typeof engine.search>>).hits.map((hit) => hit.id)
  return { db, load, ids }
}

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
    writeTransaction(db, (tx) => tx.$client.prepare("update organisations set suspended = 1 where id = 'kleiderkammer'").run())
    expect(ids({ q: 'Winterkleidung' })).toEqual([])
    expect(ids({ q: 'Kleiderkammer' })).toEqual([])
  })

  test('a posting hidden by moderation disappears at once', () => {
    const { db, ids } = setup()
    writeTransaction(db, (tx) => tx.$client.prepare("update postings set moderation = 'hidden' where id = 'course'").run())
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
