import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase, writeTransaction } from '../../db/client'
import { todayInBerlin } from '../../db/dates'
import { importExchange } from '../../db/exchange'
import { loadDemo } from '../../db/seed/demo'
import { commandContext } from '../../search/context'
import { markIndexCurrent } from '../../search/embedded/writer'
import { readEnv } from '../../app/lib/env.server'
import { generatePostings, type CorpusPosting } from './corpus'

export type BenchServer = { base: string; file: string; stop: () => void; memory: () => string }

/**
 * The production server (`build/serve.js`, after `npm run build`) on a fresh database in a
 * temporary directory: the demo municipality, or the demo plus `postings` synthetic ones
 * on its taxonomy (imported through the commands, indexed as they go).
 */
export async function startBenchServer(options: { postings: number; port: number }): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'treffpunkt-bench-'))
  const file = path.join(dir, 'bench.db')
  if (options.postings > 0) {
    const today = todayInBerlin()
    const demo = loadDemo(today) as unknown as { categories: Array<{ id: string }>; districts: Array<{ id: string }>; organisations: Array<{ id: string }>; postings: CorpusPosting[] }
    const generated = generatePostings(options.postings, { categories: demo.categories.map((c) => c.id), districts: demo.districts.map((d) => d.id), organisations: demo.organisations.map((o) => o.id) })
    const db = openDatabase(file)
    const outcome = importExchange(commandContext(db, null), { ...demo, postings: [...generated, ...demo.postings] } as never, { today })
    if (!outcome.ok) throw new Error(`the corpus did not import: ${JSON.stringify(outcome.errors.slice(0, 3))}`)
    writeTransaction(db, markIndexCurrent)
    db.$client.close()
  }
  const base = `http://127.0.0.1:${options.port}`
  // As `npm run serve` starts it, with its heap budget.
  const heap = `--max-old-space-size=${readEnv({ HEAP_LIMIT_MB: process.env.HEAP_LIMIT_MB }).HEAP_LIMIT_MB}`
  const server = spawn(process.execPath, [heap, 'build/serve.js'], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_PATH: file, OUTBOX_DIR: path.join(dir, 'outbox'), PORT: String(options.port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_FACTOR: '100000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const stop = () => {
    server.kill('SIGTERM')
    fs.rmSync(dir, { recursive: true, force: true })
  }
  process.on('exit', stop)
  for (let tries = 0; tries < 600; tries++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, file, stop, memory: () => serverMemory(server.pid) }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  stop()
  throw new Error('the server did not start (run `npm run build` first)')
}

/** The server's resident memory now and at its peak, from /proc (Linux). */
function serverMemory(pid: number | undefined): string {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const mb = (field: string) => Math.round(Number(/(\d+) kB/.exec(status.split('\n').find((line) => line.startsWith(field)) ?? '')?.[1] ?? 0) / 1024)
  return `server RSS ${mb('VmRSS:')} MB, peak ${mb('VmHWM:')} MB`
}
