import fs from 'node:fs'
import { describe, expect, test } from 'vitest'
import { readEnv } from './env.server'

describe('readEnv', () => {
  test('defaults match the README', () => {
    expect(readEnv({})).toMatchObject({
      DATABASE_PATH: 'data/treffpunkt.db',
      PORT: 3000,
      HOST: '0.0.0.0',
      PUBLIC_URL: 'http://localhost:3000',
      SEED_DEMO: true,
      MAIL_FROM: 'Treffpunkt <noreply@localhost>',
      OUTBOX_DIR: 'data/outbox',
      LOG_LEVEL: 'info',
    })
    expect(readEnv({ PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080')
    expect(readEnv({ SEED_DEMO: 'false' }).SEED_DEMO).toBe(false)
  })

  test('the heap budget: the default `npm run serve` hands to Node is the one validated here', () => {
    const serve = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.serve as string
    expect(serve).toMatch(/--max-old-space-size=\$\{HEAP_LIMIT_MB:-\d+\} /)
    expect(readEnv({}).HEAP_LIMIT_MB).toBe(Number(/HEAP_LIMIT_MB:-(\d+)/.exec(serve)![1]))
    expect(() => readEnv({ HEAP_LIMIT_MB: '32' })).toThrow(/HEAP_LIMIT_MB/)
  })

  test('an invalid value names the variable', () => {
    expect(() => readEnv({ PORT: 'eighty', MEILI_URL: 'localhost:7700' })).toThrow(/PORT[\s\S]*MEILI_URL/)
    expect(() => readEnv({ SEED_DEMO: 'no' })).toThrow(/SEED_DEMO: must be true or false/)
  })
})
