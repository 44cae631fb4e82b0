import os from 'node:os'
import autocannon from 'autocannon'
import { openDatabase } from '../db/client'
import { startBenchServer } from './bench/server'

/**
 * The page benchmark (docs/performance.md):
 *   npm run bench:http -- [--postings N] [--connections 50] [--seconds 10] [--cold]
 * Starts the production server (`npm run serve`, after `npm run build`) on a fresh
 * database: the demo municipality, or the demo plus N synthetic postings. Drives each page
 * type with autocannon and prints req/s, p50 and p99 beside the share of `/healthz`
 * measured in the same run. `--cold` gives every request a query parameter of its own
 * (pages ignore it), so that nothing is answered from memory: every page is rendered.
 */
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}
const postings = arg('postings', 0)
const connections = arg('connections', 50)
const seconds = arg('seconds', 10)
const port = arg('port', 3400)
const cold = process.argv.includes('--cold')

const { base, file, stop, memory } = await startBenchServer({ postings, port })

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
// The validator is asked for just before its run: jobs and batched counters move the content version now and then.
pages.push({ name: 'home /de, If-None-Match (304)', url: '/de', kind: 'page', headers: { 'If-None-Match': '' } })

type Row = { name: string; rps: number; p50: number; p99: number; errors: number; statuses: string }
async function drive(page: (typeof pages)[number]): Promise<Row> {
  const headers = page.headers?.['If-None-Match'] === '' ? { 'If-None-Match': (await firstEtag(page.url)) ?? 'none' } : page.headers
  let n = 0
  // The JSON API refuses parameters it does not know: there the query's letters change case instead (the same search).
  const recase = (path: string) => path.replace(/q=([^&]+)/, (_, q: string) => `q=${[...q].map((c, i) => ((n >> i) & 1 ? c.toUpperCase() : c)).join('')}`)
  const unique = (path: string) => (n++, path.startsWith('/api/') ? recase(path) : `${path}${path.includes('?') ? '&' : '?'}cold=${n}`)
  const options = {
    url: `${base}${page.url}`,
    connections,
    headers,
    ...(cold && page.kind !== 'floor' && !headers?.['If-None-Match'] ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: unique(page.url) }) }] } : {}),
  }
  await autocannon({ ...options, duration: 2 }) // warm-up
  const result = await autocannon({ ...options, duration: seconds })
  const statuses = Object.entries({ '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] })
    .filter(([, n]) => n > 0)
    .map(([k]) => k)
    .join('+')
  return { name: page.name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result['4xx'] + result['5xx'], statuses }
}

console.log(`bench:http${cold ? ' --cold (every page rendered)' : ''}: ${postings > 0 ? `demo + ${postings.toLocaleString('en')} postings` : 'the demo municipality'}, ${connections} connections, ${seconds} s per page, ${os.cpus().length} cores, Node ${process.version}`)
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
console.log(memory())
stop()
process.exit(0)
