import crypto from 'node:crypto'
import fs from 'node:fs'
import { describe, expect, test } from 'vitest'
import { sampleFile } from '../../tests/fixtures/exchange'
import { testDatabase } from '../../tests/db'
import type { Db } from '../client'
import { exportExchange, formatErrors, importExchange } from '.'
import { commandContext } from '../../search/context'

const today = '2026-11-02'
const encode = (value: unknown) => Buffer.from(JSON.stringify(value))

function fingerprint(file: string) {
  const hash = crypto.createHash('sha256')
  for (const name of [file, `${file}-wal`]) if (fs.existsSync(name)) hash.update(fs.readFileSync(name))
  return hash.digest('hex')
}

function importBytes(db: Db, bytes: Uint8Array) {
  const outcome = importExchange(commandContext(db, null), bytes, { today })
  return outcome.ok ? [] : formatErrors(outcome.errors)
}

describe('import', () => {
  test('imports a complete file and fills the defaults it leaves open', () => {
    const { db } = testDatabase()
    const outcome = importExchange(commandContext(db, null), encode(sampleFile()), { today })
    expect(outcome.ok && outcome.counts.postings).toEqual({ created: 2, updated: 0, unchanged: 0 })
    const exported = exportExchange(db)
    const p2 = exported.postings?.find((p) => p.id === 'p-002')
    expect(p2).toMatchObject({ sourceLocale: 'uk', contactMode: 'organisation', audiences: [], languages: [] })
    // The first Friday on or after the import day anchors the biweekly café.
    expect(exported.workingGroups?.find((g) => g.id === 'cafe-ost')?.schedule?.from).toBe('2026-11-06')
  })

  test('round trip: export → import into an empty database → export gives the same file', () => {
    const first = testDatabase().db
    importExchange(commandContext(first, null), encode(sampleFile()), { today })
    const exported = exportExchange(first)
    const second = testDatabase().db
    const outcome = importExchange(commandContext(second, null), encode(exported), { today: '2027-03-01' })
    expect(outcome.ok).toBe(true)
    expect(exportExchange(second)).toEqual(exported)
  })

  test('re-importing the same file changes nothing, not even timestamps', () => {
    const { db } = testDatabase()
    importExchange(commandContext(db, null), encode(sampleFile()), { today })
    const before = db.$client.prepare('select id, updated_at from postings order by id').all()
    const again = importExchange(commandContext(db, null), encode(sampleFile()), { today: '2026-12-01' })
    expect(again.ok && again.counts.postings).toEqual({ created: 0, updated: 0, unchanged: 2 })
    expect(again.ok && again.counts.workingGroups).toEqual({ created: 0, updated: 0, unchanged: 2 })
    expect(db.$client.prepare('select id, updated_at from postings order by id').all()).toEqual(before)
  })

  test('upserts by id and keeps records absent from the file', () => {
    const { db } = testDatabase()
    importExchange(commandContext(db, null), encode(sampleFile()), { today })
    db.$client.prepare("update postings set moderation = 'hidden' where id = 'p-001'").run()
    const changed = {
      format: 'treffpunkt/v1',
      postings: [{ ...sampleFile().postings[0], title: { de: 'Deutschkurs am Abend' } , sourceLocale: 'de' }],
    }
    const outcome = importExchange(commandContext(db, null), encode(changed), { today })
    expect(outcome.ok && outcome.counts.postings).toEqual({ created: 0, updated: 1, unchanged: 0 })
    const rows = db.$client.prepare('select id, title, moderation from postings order by id').all()
    expect(rows).toEqual([
      { id: 'p-001', title: '{"de":"Deutschkurs am Abend"}', moderation: 'hidden' },
      { id: 'p-002', title: '{"uk":"Шукаємо квартиру для сім’ї"}', moderation: 'visible' },
    ])
  })

  test('references may point at records already in the database', () => {
    const { db } = testDatabase()
    importExchange(commandContext(db, null), encode(sampleFile()), { today })
    const onlyPosting = {
      format: 'treffpunkt/v1',
      postings: [{ id: 'p-900', organisation: 'asylkreis', type: 'offer', category: 'housing', title: { de: 'Zimmer frei' }, status: 'draft' }],
    }
    expect(importBytes(db, encode(onlyPosting))).toEqual([])
  })

  test('a byte order mark is accepted', () => {
    const { db } = testDatabase()
    expect(importBytes(db, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encode(sampleFile())]))).toEqual([])
  })
})

type Case = [name: string, bytes: () => Uint8Array, expected: string[]]
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break the file's shape on purpose
const variant = (change: (file: any) => unknown) => () => {
  const file = sampleFile()
  const result = change(file)
  return encode(result === undefined ? file : result)
}

const badFiles: Case[] = [
  ['not JSON at all', () => Buffer.from('name,kind\nDRK,association\n'), ['$: not valid JSON: ']],
  ['truncated JSON', () => Buffer.from('{\n  "format": "treffpunkt/v1",\n  "postings": [\n'), ['$: not valid JSON: ']],
  ['invalid UTF-8', () => Buffer.concat([Buffer.from('{"format":"treffpunkt/v1","locales":["'), Buffer.from([0xc3, 0x28]), Buffer.from('"]}')]), ['$: the file is not valid UTF-8 (first bad byte at offset 38)']],
  ['empty file', () => Buffer.from('  \n'), ['$: the file is empty, expected a JSON object']],
  ['an array instead of an object', () => encode([sampleFile()]), ['$: ']],
  ['wrong format', variant((f) => ({ ...f, format: 'treffpunkt/v2' })), ['$.format: must be "treffpunkt/v1"']],
  ['missing format', variant((f) => ({ ...f, format: undefined })), ['$.format: is required']],
  ['unknown top-level key', variant((f) => ({ ...f, users: [] })), ['$.users: unknown key']],
  ['unknown key in a posting', variant((f) => { (f.postings[0] as Record<string, unknown>).colour = 'red' }), ['$.postings[0].colour: unknown key']],
  ['wrong type', variant((f) => { (f.workingGroups[0] as Record<string, unknown>).capacity = '20' }), ['$.workingGroups[0].capacity: must be a number']],
  ['list where an object belongs', variant((f) => { (f.postings[0] as Record<string, unknown>).title = ['Deutschkurs'] }), ['$.postings[0].title: must be an object of texts by language tag']],
  ['missing required key', variant((f) => { delete (f.postings[1] as Record<string, unknown>).status }), ['$.postings[1].status: is required']],
  ['missing id', variant((f) => { delete (f.organisations[1] as Record<string, unknown>).id }), ['$.organisations[1].id: is required']],
  ['no German category label', variant((f) => { f.categories[2].label = { en: 'Housing' } as never }), ['$.categories[2].label: needs a German label ("de")']],
  ['posting without any title', variant((f) => { f.postings[1].title = {} as never }), ['$.postings[1].title: needs a title in one language at least']],
  ['unknown posting type', variant((f) => { f.postings[0].type = 'gift' }), ['$.postings[0].type: unknown posting type "gift" (one of "offer", "need")']],
  ['unknown audience', variant((f) => { f.postings[0].audiences = ['women', 'men'] }), ['$.postings[0].audiences[1]: unknown audience "men" (one of "women", "families", "children", "youth", "seniors", "lgbtq", "disability")']],
  ['dangling category', variant((f) => { f.postings[1].category = 'x' }), ['$.postings[1].category: unknown category "x"']],
  ['dangling organisation', variant((f) => { f.postings[0].organisation = 'nobody' }), ['$.postings[0].organisation: unknown organisation "nobody"']],
  ['dangling district', variant((f) => { f.workingGroups[0].district = 'mitte' }), ['$.workingGroups[0].district: unknown district "mitte"']],
  ['dangling parent category', variant((f) => { f.categories[1].parent = 'lang' }), ['$.categories[1].parent: unknown category "lang"']],
  ['category cycle', variant((f) => { f.categories[0].parent = 'language-courses' as never }), ['$.categories[0].parent: makes a cycle (language → language-courses → language)', '$.categories[1].parent: makes a cycle (language-courses → language → language-courses)']],
  ['duplicate id', variant((f) => { f.postings[1].id = 'p-001' }), ['$.postings[1].id: duplicate id "p-001" (first at $.postings[0])']],
  ['impossible date', variant((f) => { f.postings[0].validFrom = '2026-02-30' }), ['$.postings[0].validFrom: "2026-02-30" is not a date (YYYY-MM-DD)']],
  ['date in another format', variant((f) => { f.postings[0].validUntil = '30.06.2027' }), ['$.postings[0].validUntil: "30.06.2027" is not a date (YYYY-MM-DD)']],
  ['end before start', variant((f) => { f.postings[0].validUntil = '2025-12-31' }), ['$.postings[0].validUntil: is before validFrom (2026-01-01)']],
  ['a NUL character in a title', variant((f) => { f.postings[0].title.de = 'Deutsch\u0000kurs' }), ['$.postings[0].title.de: contains the control character U+0000, which no text may hold']],
  ['a control character in a name', variant((f) => { f.organisations[0].name = 'DRK\u001b[31m' }), ['$.organisations[0].name: contains the control character U+001B, which no text may hold']],
  ['a 10 MB string', variant((f) => { f.postings[0].body.de = 'x'.repeat(10 * 1024 * 1024) }), ['$.postings[0].body.de: is too long (at most 20,000 characters)']],
  ['invalid language tag', variant((f) => { f.organisations[0].languages = ['de', 'not a tag!'] }), ['$.organisations[0].languages[1]: "not a tag!" is not a BCP 47 language tag']],
  ['invalid text key', variant((f) => { (f.postings[0].title as Record<string, string>)['deutsch!'] = 'x' }), ['$.postings[0].title["deutsch!"]: "deutsch!" is not a BCP 47 language tag']],
  ['source locale without a title', variant((f) => { f.postings[0].sourceLocale = 'fa' }), ['$.postings[0].sourceLocale: "fa" has no title (titles in de, ar)']],
  ['monthly without week', variant((f) => { f.workingGroups[0].schedule.frequency = 'monthly' }), ['$.workingGroups[0].schedule.week: is required for a monthly schedule (1-4 or -1)']],
  ['anchor on the wrong weekday', variant((f) => { f.workingGroups[0].schedule.from = '2026-09-02' }), ['$.workingGroups[0].schedule.from: 2026-09-02 is a wed, not a tue']],
  ['meeting ends before it starts', variant((f) => { f.workingGroups[0].schedule.end = '14:00' }), ['$.workingGroups[0].schedule.end: must be after start (15:00)']],
  ['bad time', variant((f) => { f.workingGroups[0].schedule.start = '25:00' }), ['$.workingGroups[0].schedule.start: must be a time (HH:MM, 00:00–23:59)']],
  ['bad e-mail', variant((f) => { f.organisations[0].contact.email = 'info at drk' }), ['$.organisations[0].contact.email: must be an e-mail address']],
  ['script URL as website', variant((f) => { f.organisations[0].contact.website = 'javascript:alert(1)' }), ['$.organisations[0].contact.website: must be an http(s) address']],
]

describe('import refuses bad files and writes nothing', () => {
  test.each(badFiles)('%s', (_name, bytes, expected) => {
    const { db, file } = testDatabase()
    importExchange(commandContext(db, null), encode({ format: 'treffpunkt/v1', districts: [{ id: 'alt', name: { de: 'Altstadt' } }] }), { today })
    const before = fingerprint(file)
    const errors = importBytes(db, bytes())
    expect(errors.length).toBeGreaterThan(0)
    for (const [index, line] of expected.entries()) {
      if (line.endsWith(': ')) expect(errors[index]).toMatch(new RegExp(`^${line.replace(/[$[\].]/g, '\\$&')}.+`))
      else expect(errors[index]).toBe(line)
    }
    expect(errors).toHaveLength(expected.length)
    expect(fingerprint(file)).toBe(before)
  })

  test('every error of a file is reported at once', () => {
    const { db } = testDatabase()
    const file = sampleFile()
    file.postings[0].type = 'gift'
    file.postings[1].status = 'gone'
    ;(file.workingGroups[1] as Record<string, unknown>).open = 'yes'
    expect(importBytes(db, encode(file))).toEqual([
      '$.postings[0].type: unknown posting type "gift" (one of "offer", "need")',
      '$.postings[1].status: unknown status "gone" (one of "draft", "published", "fulfilled", "expired", "withdrawn")',
      '$.workingGroups[1].open: must be true or false',
    ])
  })
})
