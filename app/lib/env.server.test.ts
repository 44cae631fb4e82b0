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

  test('an invalid value names the variable', () => {
    expect(() => readEnv({ PORT: 'eighty', MEILI_URL: 'localhost:7700' })).toThrow(/PORT[\s\S]*MEILI_URL/)
    expect(() => readEnv({ SEED_DEMO: 'no' })).toThrow(/SEED_DEMO: must be true or false/)
  })
})
