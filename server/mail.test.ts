import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { describe, expect, test } from 'vitest'
import { testDatabase } from '../tests/db'
import { fakeClock, minute } from '../db/clock'
import { queueMail } from '../db/mail'
import { deliverMail, renderMail, type MailSettings } from './mail'

const read = (lng: string) => JSON.parse(fs.readFileSync(`locales/${lng}/mail.json`, 'utf8'))

describe('e-mails', () => {
  test('are written in the recipient’s locale, right to left for Arabic, with links under PUBLIC_URL', () => {
    const mail = renderMail('reset', 'ar', { name: 'ليلى', path: '/ar/reset/abc' }, 'https://treffpunkt.example')
    expect(mail.subject).toBe(read('ar').reset.subject)
    expect(mail.text).toContain('https://treffpunkt.example/ar/reset/abc')
    expect(mail.text).toContain(read('ar').reset.body[0].replace('{{site}}', 'Treffpunkt'))
    expect(mail.html).toContain('<html lang="ar" dir="rtl">')
    expect(mail.html).not.toMatch(/<img|https?:\/\/(?!treffpunkt\.example)/)
  })

  test('the relay writes one .eml per message, sorted by time, and deletes what it sent', async () => {
    const { db } = testDatabase()
    const clock = fakeClock('2026-12-02T09:00:00Z')
    const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'treffpunkt-outbox-'))
    const settings: MailSettings = { from: 'Treffpunkt <noreply@lindenfeld.example>', outboxDir, publicUrl: 'http://localhost:3000' }
    queueMail(db, clock, [
      { to: 'a@example.org', locale: 'de', template: 'confirm', params: { name: 'A', path: '/de/confirm/x' } },
      { to: 'b@example.org', locale: 'uk', template: 'reset', params: { name: 'B', path: '/uk/reset/y' } },
    ])
    expect(await deliverMail(db, clock, settings)).toEqual({ sent: 2, failed: 0 })
    const files = fs.readdirSync(outboxDir).sort()
    expect(files).toHaveLength(2)
    const second = await simpleParser(fs.readFileSync(path.join(outboxDir, files[1])))
    expect(second.subject).toBe(read('uk').reset.subject)
    expect(second.text).toContain('http://localhost:3000/uk/reset/y')
    expect(db.$client.prepare('select count(*) n from mail_outbox').get()).toEqual({ n: 0 })
  })

  test('a failed delivery waits longer each time and is retried when due', async () => {
    const { db } = testDatabase()
    const clock = fakeClock('2026-12-02T09:00:00Z')
    const settings: MailSettings = { from: 'x@y.z', outboxDir: '/unused', publicUrl: 'http://localhost:3000' }
    queueMail(db, clock, [{ to: 'a@example.org', locale: 'de', template: 'confirm', params: { name: 'A', path: '/de/confirm/x' } }])
    let attempts = 0
    const failing = async () => {
      attempts++
      throw new Error('SMTP server unreachable')
    }
    expect(await deliverMail(db, clock, settings, failing)).toEqual({ sent: 0, failed: 1 })
    // Not yet due: nothing is tried.
    expect(await deliverMail(db, clock, settings, failing)).toEqual({ sent: 0, failed: 0 })
    clock.advance(minute)
    expect(await deliverMail(db, clock, settings, failing)).toEqual({ sent: 0, failed: 1 })
    const row = db.$client.prepare('select attempts, next_attempt_at from mail_outbox').get() as { attempts: number; next_attempt_at: string }
    expect(row.attempts).toBe(2)
    expect(Date.parse(row.next_attempt_at) - clock.now().getTime()).toBe(2 * minute)
    clock.advance(2 * minute)
    const sent: string[] = []
    expect(await deliverMail(db, clock, settings, async (message) => void sent.push(message.to))).toEqual({ sent: 1, failed: 0 })
    expect(sent).toEqual(['a@example.org'])
    expect(attempts).toBe(2)
  })
})
