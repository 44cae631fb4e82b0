import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, test } from 'vitest'
import { sampleFile } from '../tests/fixtures/exchange'
import { testDatabase } from '../tests/db'

const tsx = ['--import', 'tsx']

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [...tsx, `scripts/${script}.ts`, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function write(dir: string, name: string, value: unknown) {
  const file = path.join(dir, name)
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value))
  return file
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

describe('npm run import / export', () => {
  test('creates and migrates a missing database, imports, and exports the same records', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'treffpunkt-cli-'))
    const env = { DATABASE_PATH: path.join(dir, 'new', 'board.db') }
    const imported = run('import', [write(dir, 'in.json', sampleFile())], env)
    expect(imported.stderr).toContain('valid; writing')
    expect(imported.status).toBe(0)
    expect(imported.stdout).toMatch(/postings: 2 new, 0 updated, 0 unchanged/)

    const out = path.join(dir, 'out.json')
    expect(run('export', [out], env).status).toBe(0)
    const exported = JSON.parse(fs.readFileSync(out, 'utf8'))
    expect(exported.format).toBe('treffpunkt/v1')
    expect(exported.postings.map((p: { id: string }) => p.id)).toEqual(['p-001', 'p-002'])

    // … and into an empty database, then out again: the same file.
    const second = { DATABASE_PATH: path.join(dir, 'second.db') }
    expect(run('import', [out], second).status).toBe(0)
    const again = path.join(dir, 'again.json')
    expect(run('export', [again], second).status).toBe(0)
    expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(out, 'utf8'))
  })

  test('an invalid file exits 1, prints one error a line, and leaves the database byte for byte', () => {
    const { file, dir, db } = testDatabase()
    db.$client.close()
    const bad = sampleFile()
    bad.postings[1].category = 'x'
    bad.postings[0].validFrom = '2026-02-30'
    const before = sha(file)
    const result = run('import', [write(dir, 'bad.json', bad)], { DATABASE_PATH: file })
    expect(result.status).toBe(1)
    expect(result.stderr.split('\n').slice(0, 1)).toEqual([
      '$.postings[0].validFrom: "2026-02-30" is not a date (YYYY-MM-DD)',
    ])
    expect(sha(file)).toBe(before)
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0)

    bad.postings[0].validFrom = '2026-02-28'
    const refs = run('import', [write(dir, 'bad2.json', bad)], { DATABASE_PATH: file })
    expect(refs.status).toBe(1)
    expect(refs.stderr).toContain('$.postings[1].category: unknown category "x"\n')
    expect(sha(file)).toBe(before)
  })

  test('usage errors exit 2', () => {
    expect(run('import', [], {}).status).toBe(2)
    expect(run('import', ['a.json', 'b.json'], {}).status).toBe(2)
    const missing = run('import', ['/nonexistent/file.json'], {})
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('cannot read /nonexistent/file.json: ENOENT')
    expect(run('export', [], {}).status).toBe(2)
    expect(run('import', ['x.json'], { PORT: 'eighty' }).status).toBe(2)
  })
})

describe('a process killed in the middle of an import', () => {
  test('leaves the database as before or as after, never between', async () => {
    const { file, dir, db } = testDatabase()
    db.$client.close()
    const small = write(dir, 'small.json', sampleFile())
    expect(run('import', [small], { DATABASE_PATH: file }).status).toBe(0)

    const big = sampleFile()
    const template = big.postings[0]
    const count = 10_000
    big.postings = Array.from({ length: count }, (_, i) => ({
      ...template,
      id: `bulk-${i}`,
      title: { de: `Aushang ${i}`, ar: `إعلان ${i}` },
      body: { de: `Beschreibung ${i} `.repeat(20) },
    })) as typeof big.postings
    const bigFile = write(dir, 'big.json', big)

    const outcomes: string[] = []
    // Killed as the transaction begins, and with every record written but not committed:
    // the process says where it is and waits there, so no timer decides what is tested.
    for (const [moment, hold] of [['writing', '0'], ['holding before the commit', '1']] as const) {
      const child = spawn(process.execPath, [...tsx, 'scripts/import.ts', bigFile], {
        env: { ...process.env, DATABASE_PATH: file, TREFFPUNKT_HOLD_BEFORE_COMMIT: hold },
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
      await new Promise<void>((resolve) => {
        let said = ''
        child.stderr.on('data', (chunk: Buffer) => {
          said += chunk.toString()
          if (said.includes(moment)) resolve()
        })
      })
      child.kill('SIGKILL')
      outcomes.push(`${await exited}`)

      const check = new Database(file)
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
      const rows = (check.prepare('select count(*) as n from postings').get() as { n: number }).n
      check.close()
      expect(rows).toBe(2)
    }
    // The kills really happened while the import was writing.
    expect(outcomes).toEqual(['SIGKILL', 'SIGKILL'])
    // And left nothing that stops the same import from completing afterwards.
    expect(run('import', [bigFile], { DATABASE_PATH: file }).status).toBe(0)
    const after = new Database(file)
    expect((after.prepare('select count(*) as n from postings').get() as { n: number }).n).toBe(count + 2)
    after.close()
  }, 120_000)
})
