import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { Bitset } from './bitset'
import { noOccurrences, rankDocument, rankOf } from './ranking'
import { TextIndex } from './text'

/** The FTS table's shape (title, taxonomy, organisation, body) as a plain table; positions = rowid − 1. */
function setup(rows: Array<[number, string, string, string, string]>) {
  const client = new Database(':memory:')
  client.exec('create table search_fts (rowid integer primary key, title, taxonomy, organisation, body)')
  const insert = client.prepare('insert or replace into search_fts values (?, ?, ?, ?, ?)')
  for (const row of rows) insert.run(...row)
  const capacity = 16
  const index = TextIndex.load(client, capacity, (rowid) => rowid - 1)
  const docs = (...terms: string[]) => {
    const ids = terms.map((term) => index.id(term)).filter((id) => id !== undefined)
    const set = index.collect(ids, new Bitset(capacity))
    return Array.from({ length: capacity }, (_, position) => position).filter((position) => set.has(position))
  }
  const inTitle = (term: string) => {
    const set = index.collect([index.id(term)!], new Bitset(capacity), true)
    return Array.from({ length: capacity }, (_, position) => position).filter((position) => set.has(position))
  }
  return { client, insert, index, docs, inTitle }
}

const sprachkurs = 'sprachkurs \n мовний курс'

describe('the index words in memory', () => {
  test('finds documents by a term in any attribute, a shared taxonomy text for each of its documents', () => {
    const { docs, inTitle } = setup([
      [1, 'deutschkurs am abend', sprachkurs, 'caritas', 'fur erwachsene'],
      [2, 'fahrrad', 'mobilitat', 'caritas', 'deutschkurs nebenan'],
      [3, 'nahcafe', sprachkurs, '', ''],
    ])
    expect(docs('deutschkurs')).toEqual([0, 1])
    expect(inTitle('deutschkurs')).toEqual([0])
    expect(docs('курс')).toEqual([0, 2])
    expect(docs('caritas')).toEqual([0, 1])
    expect(docs('fahrrad', 'nahcafe')).toEqual([1, 2])
    expect(docs('\n')).toEqual([]) // the language separator is not a word
  })

  test('occurrences keep positions per attribute without the language separator, as the ranking reads them', () => {
    const { index } = setup([
      [1, 'kurs', 'sprachkurs \n kurs', '', 'ein kurs'],
      [2, 'abend', 'sprachkurs \n kurs', '', 'ein kurs'],
      [3, 'abend', 'sprachkurs', '', 'ein kurs'],
    ])
    const kurs = () => index.byId([new Map([['kurs', { term: 'kurs', typos: 0, prefix: false }]])])
    const rank = (position: number) => rankOf(index.occurrences(position, kurs(), new Map(), noOccurrences(1)))
    expect(rank(0)).toMatchObject({ words: 1, attribute: 0, position: 0, exactness: 1 })
    expect(rank(1)).toMatchObject({ words: 1, attribute: 1, position: 1 })
    expect(rank(2)).toMatchObject({ words: 1, attribute: 3, position: 1 })
  })

  test('a changed or removed document leaves its old terms, however often it changes', () => {
    const { client, insert, index, docs } = setup([
      [1, 'alt', sprachkurs, '', ''],
      [2, 'nachbar', sprachkurs, '', ''],
    ])
    // Enough saves to fill the token pool several times (search/embedded/slices.test.ts): its compaction keeps every term in place.
    for (let save = 0; save < 20_000; save++) {
      insert.run(1, `titel${save % 3} ${'wort '.repeat(8)}`, save % 2 ? sprachkurs : 'mobilitat', '', 'text')
      index.apply(client, [{ rowid: 1, position: 0 }])
    }
    expect(docs('alt')).toEqual([])
    expect(docs('titel1')).toEqual([0])
    expect(docs('titel0')).toEqual([])
    expect(docs('sprachkurs')).toEqual([0, 1])
    expect(docs('mobilitat')).toEqual([])
    expect(docs('nachbar')).toEqual([1])
    client.prepare('delete from search_fts where rowid = 2').run()
    index.apply(client, [{ rowid: 2, position: 1 }])
    expect(docs('nachbar')).toEqual([])
    expect(docs('sprachkurs')).toEqual([0])
  })
})

test('a document read only as far as can change its rank ranks as one read whole', () => {
  const candidate = (term: string, typos: number, prefix = false) => [term, { term, typos, prefix }] as const
  const queries = [
    [new Map([candidate('kurs', 0), candidate('kurz', 1), candidate('kursen', 0, true)])],
    [new Map([candidate('kurz', 1), candidate('kurse', 2)])],
    [new Map([candidate('kurs', 0), candidate('kurz', 1)]), new Map([candidate('abend', 0), candidate('abends', 1)])],
  ]
  const text = fc.array(fc.constantFrom('kurs', 'kurz', 'kurse', 'kursen', 'abend', 'abends', 'ein', '\n'), { maxLength: 12 }).map((words) => words.join(' '))
  const shared = fc.constantFrom('', 'kurz \n kurs', 'abend kurse', 'ein')
  const row = fc.tuple(text, shared, shared, text)
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.constantFrom(...queries.keys()), (rows, query) => {
      const { index } = setup(rows.map((columns, i) => [i + 1, ...columns]))
      const words = queries[query]
      const matches = index.byId(words)
      const typoFree = words.map((terms) => index.collect([...terms].filter(([, c]) => c.typos === 0).flatMap(([term]) => index.id(term) ?? []), new Bitset(16)))
      // One search: the shared texts' cache and the occurrences array serve every document.
      const cache = new Map()
      const found = noOccurrences(words.length)
      rows.forEach((columns, position) => {
        const whole = rankDocument(columns.map((column) => column.split(' ').filter((token) => token !== '' && token !== '\n')), words)
        const read = rankOf(index.occurrences(position, matches, cache, found, typoFree.every((set) => set.has(position))))
        expect(read).toEqual(whole)
      })
    }),
    { numRuns: 500 },
  )
})

