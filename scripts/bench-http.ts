import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { openDatabase, writeTransaction } from '../db/client'
import { todayInBerlin } from '../db/dates'
import { importExchange } from '../db/exchange'
import { loadDemo } from '../db/seed/demo'
import { commandContext } from '../search/context'
import { markIndexCurrent } from '../search/embedded/writer'
import { generatePostings, type CorpusPosting } from './bench/corpus'

/**
 * The page benchmark (docs/performance.md):
 *   npm run bench:http -- [--postings N] [--connections 50] [--seconds 10]
 * Starts the production server (`npm run serve`, after `npm run build`) on a fresh
 * database: the demo municipality, or the demo plus N synthetic postings. Drives each page
 * type with autocannon and prints req/s, p50 and p99 beside the share of `/healthz`
 * measured in the same run.
 */
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}
const postings = arg('postings', 0)
const connections = arg('connections', 50)
const seconds = arg('seconds', 10)
const port = arg('port', 3400)
const base = `http://127.0.0.1:${port}`

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'treffpunkt-http-'))
const file = path.join(dir, 'bench.db')
if (postings > 0) {
  // The demo plus synthetic postings on its taxonomy, imported through the commands (indexed as they go).
  const today = todayInBerlin()
  const demo = loadDemo(today) as unknown as { categories: Array<{ id: string }>; districts: Array<{ id: string }>; organisations: Array<{ id: string }>; postings: CorpusPosting[] }
  const generated = generatePostings(postings, { categories: demo.categories.map((c) => c.id), districts: demo.districts.map((d) => d.id), organisations: demo.organisations.map((o) => o.id) })
  const db = openDatabase(file)
  const outcome = importExchange(commandContext(db, null), { ...demo, postings: [...generated, ...demo.postings] } as never, { today })
  if (!outcome.ok) throw new Error(`the corpus did not import: ${JSON.stringify(outcome.errors.slice(0, 3))}`)
  writeTransaction(db, markIndexCurrent)
  db.$client.close()
}

const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
  env: { ...process.env, NODE_ENV: 'production', DATABASE_PATH: file, OUTBOX_DIR: path.join(dir, 'outbox'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_FACTOR: '100000' },
  stdio: ['ignore', 'inherit', 'inherit'],
})
const stop = () => server.kill('SIGTERM')
process.on('exit', stop)

async function ready() {
  for (let tries = 0; tries < 600; tries++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('the server did not start')
}
await ready()

// One sample of each page type, read from the database the server seeded.
const db = openDatabase(file, { migrate: false })
const one = (sql: string) => (db.$client.prepare(sql).get() as { id: string }).id
const sample = {
  posting: one("select id from postings where status = 'published' and moderation = 'visible' order by id limit 1"),
  organisation: one('select id from organisations order by id limit 1'),
  group: one("select id from working_groups where state = 'active' order by id limit 1"),
  category: one('select id from categories where parent_id is null order by id limit 1'),
  district: one('select id from districts order by id limit 1'),
}
db.$client.close()

const firstEtag = async (url: string) => (await fetch(`${base}${url}`)).headers.get('etag')
const pages: Array<{ name: string; url: string; kind: 'floor' | 'page' | 'search'; headers?: Record<string, string> }> = [
  { name: '/healthz', url: '/healthz', kind: 'floor' },
  { name: 'home /de', url: '/de', kind: 'page' },
  { name: 'home /ar', url: '/ar', kind: 'page' },
  { name: 'offers list', url: '/de/offers', kind: 'page' },
  { name: 'organisations list', url: '/de/organisations', kind: 'page' },
  { name: 'groups list', url: '/de/groups', kind: 'page' },
  { name: 'posting', url: `/de/postings/${sample.posting}`, kind: 'page' },
  { name: 'organisation', url: `/de/organisations/${sample.organisation}`, kind: 'page' },
  { name: 'group', url: `/de/groups/${sample.group}`, kind: 'page' },
  { name: 'category', url: `/de/categories/${sample.category}`, kind: 'page' },
  { name: 'district', url: `/de/districts/${sample.district}`, kind: 'page' },
  { name: 'search page', url: '/de/search?q=deutschkurs', kind: 'search' },
  { name: '/api/search', url: '/api/search?q=deutschkurs&lang=de', kind: 'search' },
]
const etag = await firstEtag('/de')
if (etag) pages.push({ name: 'home /de, If-None-Match (304)', url: '/de', kind: 'page', headers: { 'If-None-Match': etag } })

type Row = { name: string; rps: number; p50: number; p99: number; errors: number; statuses: string }
async function drive(page: (typeof pages)[number]): Promise<Row> {
  const options = { url: `${base}${page.url}`, connections, headers: page.headers }
  await autocannon({ ...options, duration: 2 }) // warm-up
  const result = await autocannon({ ...options, duration: seconds })
  const statuses = Object.entries({ '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] })
    .filter(([, n]) => n > 0)
    .map(([k]) => k)
    .join('+')
  return { name: page.name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result['4xx'] + result['5xx'], statuses }
}

console.log(`bench:http: ${postings > 0 ? `demo + ${postings.toLocaleString('en')} postings` : 'the demo municipality'}, ${connections} connections, ${seconds} s per page, ${os.cpus().length} cores, Node ${process.version}`)
const rows: Row[] = []
for (const page of pages) {
  const row = await drive(page)
  rows.push(row)
  console.error(`  ${row.name}: ${row.rps.toFixed(0)} req/s`)
}
const floor = rows[0].rps
const table = [
  '| page | req/s | p50 ms | p99 ms | share of /healthz | answers |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${((100 * r.rps) / floor).toFixed(0)} % | ${r.statuses}${r.errors ? ` (${r.errors} errors)` : ''} |`),
]
console.log(table.join('\n'))
stop()
fs.rmSync(dir, { recursive: true, force: true })
process.exit(0)
