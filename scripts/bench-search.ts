import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase, writeTransaction } from '../db/client'
import { importExchange } from '../db/exchange'
import { todayInBerlin } from '../db/dates'
import { loadDemo } from '../db/seed/demo'
import type { SearchDocument } from '../search/document'
import { createEmbeddedEngine } from '../search/embedded/engine'
import { allowedTypos } from '../search/embedded/typos'
import { tokenize } from '../search/embedded/tokens'
import { reindex } from '../search/embedded/writer'
import { searchParams, type SearchInput } from '../search/engine'
import { flatten, miniSearch, orama, type Baseline, type Query } from './bench/baselines'
import { generatePostings, random, type CorpusPosting, type Taxonomy } from './bench/corpus'
import { commandContext } from '../search/context'
import { commit } from '../db/commands/run'
import { postings as postingsTable } from '../db/schema'
import { eq } from 'drizzle-orm'

/**
 * The search benchmark (docs/performance.md):
 *   npm run bench:search -- --postings 10000 [--rounds 5] [--no-baselines] [--writes 5]
 * `--postings 0` measures the demo municipality alone, queries drawn from its own texts.
 * `--writes N` runs each class for at least 3 s, quiet and then while N postings a second
 * are saved through the write path, and compares each class's p95 in the two runs.
 * Generates a synthetic multilingual corpus on the demo's taxonomy, builds our index,
 * runs a fixed query mix per class, and the same in MiniSearch and Orama.
 */
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}
const count = arg('postings', 10_000)
const rounds = arg('rounds', 5)
const baselines = !process.argv.includes('--no-baselines')
const writesPerSecond = arg('writes', 0)
const budgetMs = 20_000
const gc = () => (globalThis as { gc?: () => void }).gc?.()
const heapMb = () => {
  gc()
  return process.memoryUsage().heapUsed / 2 ** 20
}

type Demo = {
  categories: Array<{ id: string }>
  districts: Array<{ id: string }>
  organisations: Array<{ id: string }>
  postings: CorpusPosting[]
} & Record<string, unknown>
const today = todayInBerlin()
const demo = loadDemo(today) as unknown as Demo
const taxonomy: Taxonomy = {
  categories: demo.categories.map((c) => c.id),
  districts: demo.districts.map((d) => d.id),
  organisations: demo.organisations.map((o) => o.id),
}
let started = performance.now()
const generated = generatePostings(count, taxonomy)
console.log(`generated ${count.toLocaleString('en')} postings in ${since(started)} ms`)
const postings = count > 0 ? generated : demo.postings

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'treffpunkt-bench-'))
const file = path.join(dir, 'bench.db')
const db = openDatabase(file)
started = performance.now()
const outcome = importExchange(commandContext(db, null), { ...demo, postings: [...generated, ...demo.postings] }, { today })
if (!outcome.ok) throw new Error(`the corpus did not import: ${JSON.stringify(outcome.errors.slice(0, 3))}`)
const importMs = performance.now() - started
let heapBefore = heapMb()
started = performance.now()
writeTransaction(db, (tx) => reindex(tx, { all: true }))
const rebuildMs = performance.now() - started
const documents = (db.$client.prepare('select count(*) as n from search_documents').get() as { n: number }).n
const engine = createEmbeddedEngine(db)
await engine.search(searchParams.parse({ q: 'warm' }), today) // loads catalog and vocabulary
const oursHeap = heapMb() - heapBefore
console.log(
  `ours: import (validate + write + index) ${Math.round(importMs)} ms; rebuild of ${documents.toLocaleString('en')} documents ${Math.round(rebuildMs)} ms ` +
    `= ${Math.round(documents / (rebuildMs / 1000)).toLocaleString('en')} documents/s; heap +${oursHeap.toFixed(0)} MB, database ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB`,
)

// Queries per class, drawn from the corpus' own vocabulary by document frequency.
const df = new Map<string, number>()
for (const p of postings) {
  const seen = new Set<string>()
  for (const t of [...Object.values(p.title), ...Object.values(p.body ?? {})]) for (const w of tokenize(t)) seen.add(w)
  for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1)
}
const byFrequency = [...df].sort((a, b) => b[1] - a[1]).map(([w]) => w)
const rand = random(7)
const sample = <T>(list: T[], n: number) => {
  if (list.length === 0) throw new Error('the corpus is too small for this query class')
  return Array.from({ length: n }, () => list[Math.floor(rand() * list.length)])
}
const content = byFrequency.filter((w) => [...w].length >= 4)
const typo = (word: string, edits: number) => {
  const chars = [...word]
  for (let e = 0; e < edits; e++) {
    const at = 1 + Math.floor(rand() * (chars.length - 2))
    if (e === 0 && rand() < 0.5) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]]
    else chars[at] = chars[(at + 2) % chars.length] === chars[at] ? chars[0] : chars[(at + 2) % chars.length]
  }
  return chars.join('')
}
const common = content.slice(20, 300)
const category = taxonomy.categories[0]
const classes: Record<string, Query[]> = {
  // The least frequent twentieth of the words.
  rare: sample(content.slice(-Math.max(50, Math.floor(content.length / 20))), 12).map((q) => ({ q, filters: {} })),
  common: sample(common, 12).map((q) => ({ q, filters: {} })),
  'very common': byFrequency.slice(0, 12).map((q) => ({ q, filters: {} })),
  '1 typo': sample(common.filter((w) => allowedTypos(w) === 1), 12).map((w) => ({ q: typo(w, 1), filters: {} })),
  '2 typos': sample(content.slice(0, 2000).filter((w) => allowedTypos(w) === 2), 12).map((w) => ({ q: typo(w, 2), filters: {} })),
  'prefix 1': sample(common, 12).map((w) => ({ q: [...w][0], filters: {} })),
  'prefix 2': sample(common, 12).map((w) => ({ q: [...w].slice(0, 2).join(''), filters: {} })),
  'prefix 3': sample(common, 12).map((w) => ({ q: [...w].slice(0, 3).join(''), filters: {} })),
  'multi-word': sample(postings, 12).map((p) => ({ q: Object.values(p.title)[0].split(' ').slice(0, 3).join(' '), filters: {} })),
  filtered: sample(common, 12).map((q) => ({ q, filters: { category: [category], district: [taxonomy.districts[1]] } })),
  'facet-heavy': sample(common.slice(0, 50), 12).map((q, i) => ({
    q: i % 2 === 0 ? '' : q,
    filters: { type: ['offer'], audience: ['women', 'families'], language: ['ar', 'fa'], orgKind: ['association', 'advisory_centre'] },
  })),
}

type Stats = { p50: number; p95: number; p99: number; max: number }
/** `atLeastMs`: each class goes on past `rounds` until it has run this long (a run while writing must see many saves). */
function measure(run: (query: Query) => unknown, atLeastMs = 0): Record<string, Stats> {
  const out: Record<string, Stats> = {}
  // A warm-up round of the whole mix first, as a server that has been running is warm
  // (within the budget: a slow baseline's mix would take many minutes at 100k).
  const warmUp = performance.now()
  for (const query of Object.values(classes).flat()) if (performance.now() - warmUp < budgetMs) run(query)
  for (const [name, queries] of Object.entries(classes)) {
    for (const query of queries) run(query) // and of the class
    const times: number[] = []
    // A class stops after `budgetMs` once every query ran once: a slow baseline must not take an hour.
    const classStarted = performance.now()
    const more = (round: number) => round < rounds || performance.now() - classStarted < atLeastMs
    for (let round = 0; more(round) && (round === 0 || performance.now() - classStarted < budgetMs); round++) {
      for (const query of queries) {
        const t = performance.now()
        run(query)
        times.push(performance.now() - t)
      }
    }
    times.sort((a, b) => a - b)
    const at = (p: number) => percentile(times, p)
    out[name] = { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: times[times.length - 1] }
  }
  return out
}

const search = (query: Query) => engine.search(searchParams.parse({ q: query.q, ...query.filters } as SearchInput), today)
// With writes, the quiet run lasts as long as the run while writing, so that both see as many collections.
const writingMs = 3_000
const ours = measure(search, writesPerSecond > 0 ? writingMs : 0)
const rows: Array<[string, Record<string, Stats>]> = [['ours', ours]]
const summary = (name: string, stats: Record<string, Stats>) =>
  console.log(`${name} p50/p95 ms: ${Object.entries(stats).map(([c, st]) => `${c} ${st.p50.toFixed(1)}/${st.p95.toFixed(1)}`).join(' · ')}`)
summary('ours', ours)

if (writesPerSecond > 0) {
  // An editor saves a posting every 1/N s: a new title through the one door (db/commands/run.ts),
  // re-indexed in its transaction; the next search patches its memory from the change log.
  const indexTimes: number[] = []
  const plain = commandContext(db, null)
  const context = {
    ...plain,
    index: (...args: Parameters<typeof plain.index>) => {
      const t = performance.now()
      plain.index(...args)
      indexTimes.push(performance.now() - t)
    },
  }
  const titles = postings.map((p) => p.title)
  const writeTimes: number[] = []
  let nextWrite = performance.now()
  let written = 0
  const writing = measure((query) => {
    if (performance.now() >= nextWrite) {
      nextWrite += 1000 / writesPerSecond
      const id = postings[Math.floor(rand() * postings.length)].id
      const t = performance.now()
      commit(context, (tx, effects) => {
        tx.update(postingsTable).set({ title: titles[written++ % titles.length], updatedAt: new Date().toISOString() }).where(eq(postingsTable.id, id)).run()
        effects.index({ postings: [id] })
      })
      writeTimes.push(performance.now() - t)
    }
    return search(query)
  }, writingMs)
  const percentiles = (times: number[]) => {
    times.sort((a, b) => a - b)
    return `p50 ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms, max ${percentile(times, 1).toFixed(2)} ms`
  }
  console.log(`\nwhile saving ${writesPerSecond} postings/s: ${writeTimes.length} saves; re-indexing the posting ${percentiles(indexTimes)}; the whole save ${percentiles(writeTimes)}\n`)
  console.log('| class | quiet p50 | quiet p95 | writing p50 | writing p95 | p95 writing/quiet |')
  console.log('|---|---|---|---|---|---|')
  for (const name of Object.keys(classes)) {
    const [q, w] = [ours[name], writing[name]]
    console.log(`| ${name} | ${q.p50.toFixed(2)} | ${q.p95.toFixed(2)} | ${w.p50.toFixed(2)} | ${w.p95.toFixed(2)} | ${(w.p95 / q.p95).toFixed(2)} |`)
  }
}

if (baselines) {
  const docs = flatten(
    (db.$client.prepare('select document from search_documents').pluck().all() as string[]).map((d) => JSON.parse(d) as SearchDocument),
  )
  for (const build of [miniSearch, orama]) {
    heapBefore = heapMb()
    started = performance.now()
    const baseline: Baseline = await build(docs)
    const buildMs = performance.now() - started
    console.log(
      `${baseline.name}: build ${Math.round(buildMs)} ms = ${Math.round(docs.length / (buildMs / 1000)).toLocaleString('en')} documents/s; heap +${(heapMb() - heapBefore).toFixed(0)} MB`,
    )
    rows.push([baseline.name, measure((query) => baseline.search(query))])
    summary(baseline.name, rows[rows.length - 1][1])
  }
}

const f = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1))
console.log(`\n${count.toLocaleString('en')} postings, ${documents.toLocaleString('en')} documents; ms per query (up to ${rounds} rounds × 12 queries per class, after a warm-up round; a class stops after ${budgetMs / 1000} s)\n`)
const header = ['class', ...rows.flatMap(([name]) => (name === 'ours' ? ['ours p50', 'p95', 'p99', 'max'] : [`${name} p50`, 'p95'])), ...rows.slice(1).map(([name]) => `p95 ours/${name}`)]
console.log(`| ${header.join(' | ')} |`)
console.log(`|${header.map(() => '---').join('|')}|`)
for (const name of Object.keys(classes)) {
  const cells = rows.flatMap(([engineName, stats]) => {
    const s = stats[name]
    return engineName === 'ours' ? [f(s.p50), f(s.p95), f(s.p99), f(s.max)] : [f(s.p50), f(s.p95)]
  })
  const ratios = rows.slice(1).map(([, stats]) => (ours[name].p95 / stats[name].p95).toFixed(2))
  console.log(`| ${name} | ${[...cells, ...ratios].join(' | ')} |`)
}
console.log(`\nexamples: ${Object.entries(classes).map(([name, qs]) => `${name}: "${qs[0].q}"`).join(' · ')}`)
console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB at the end`)
db.$client.close()
fs.rmSync(dir, { recursive: true, force: true })

/** The value at fraction `p` of ascending `sorted` times. */
function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
}

/** Milliseconds since `start`. */
function since(start: number) {
  return Math.round(performance.now() - start)
}
