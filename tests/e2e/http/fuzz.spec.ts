import Database from 'better-sqlite3'
import fc from 'fast-check'
import { databaseFile, demoAccounts, demoUserId, newConfirmedAccount, signIn } from '../accounts'
import { demo, demoMeetingDay, expect, test } from '../fixtures'

/**
 * Property-based hostile input through HTTP into every form action and the JSON API:
 * overlong strings, control characters, wrong types, repeated and missing fields, mixed
 * scripts. Never a 5xx; a rejected sign-up or invitation leaves no row behind.
 */
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b@example.org', '\u202e\u200f', 'ملابس\u0000', 'Курс\u001b[31m', '𝕏'.repeat(30), 'x'.repeat(300_000)),
  fc.constantFrom('true', 'false', '0', '-1', '1e308', 'NaN', 'null', '[]', '{}', '<script>alert(1)</script>', "' or 1=1 --", '../../etc/passwd'),
  fc.emailAddress(),
  fc.integer().map(String),
)
const fieldName = fc.constantFrom('email', 'password', 'newPassword', 'name', 'locale', 'intent', 'session', 'user', 'role', 'organisation', 'redirectTo', 'municipality.de', 'address', 'verified', 'q', 'type', 'category', 'district', 'title.de', 'body.ar', 'validFrom', 'validUntil', 'audiences', 'languages', 'contactMode', 'sourceLocale', 'kind', 'contact.email', 'contact.website', 'hours.0.weekday', 'hours.0.from', 'hours.1.to', 'description.fa', 'hiddenContact', 'writes', 'request', 'title', 'body', 'label.de', 'label.ar', 'synonyms.de', 'synonyms.ar', 'parent', 'into', 'name.de', 'name.uk', 'reason', 'note', 'item', 'appeal', 'bulk', 'homepage', 'phone', 'message', 'consent', 'website', 'skill', 'skills', 'districts', 'availability', 'reminders', 'mailFrequency', 'subject.de', 'subject.ar', 'body.de', 'groups', 'announcement', 'language', 'successors', 'successor', 'date', 'start', 'end', 'attendance', 'capacity', 'minimum', 'open', 'place', 'schedule.frequency', 'schedule.weekday', 'schedule.week', 'schedule.start', 'schedule.end', 'schedule.from', 'schedule.except', 'token', 'requiresCheck', 'seen', 'certificateDate', 'conviction', 'briefingDate')
const fields = fc.array(fc.tuple(fieldName, hostile), { maxLength: 8 })
const encodeForm = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')

type Who = 'person' | 'owner' | 'admin' | 'coordinator'
/** `table`: a rejected post must leave its row count as it was. */
type Target = { path: string; as?: Who; intents?: string[]; table?: string }
const token = 'B'.repeat(32)
const reportable = demo.postings.find((p) => p.status === 'published' && !p.validUntil)!
const targets: Target[] = [
  { path: '/de/signup' },
  { path: '/ar/login' },
  { path: '/de/reset' },
  { path: `/de/reset/${token}` },
  { path: `/fa/confirm/${token}` },
  { path: `/de/invitations/${token}`, as: 'person' },
  { path: '/uk/account', as: 'person', intents: ['profile', 'password', 'email', 'endSession', 'endOthers', 'bogus'] },
  { path: '/de/account/delete', as: 'person' },
  { path: '/de/manage/organisations/caritas-migrationsberatung/members', as: 'owner', intents: ['invite', 'remove', 'transfer', 'bogus'] },
  { path: '/de/admin/users', as: 'admin', intents: ['grant', 'revoke', 'bogus'] },
  { path: '/de/admin/settings', as: 'admin' },
  { path: '/de/admin/taxonomy', as: 'coordinator', intents: ['addCategory', 'editCategory', 'merge', 'addDistrict', 'renameDistrict', 'bogus'], table: 'categories' },
  { path: '/de/manage/postings/new?organisation=caritas-migrationsberatung', as: 'owner', intents: ['save', 'publish', 'bogus'], table: 'postings' },
  { path: '/ar/manage/postings/p-154', as: 'owner', intents: ['save', 'publish', 'renew', 'requestTranslation', 'approveTranslation', 'declineTranslation', 'bogus'], table: 'translation_requests' },
  { path: '/de/manage/organisations/new', as: 'person', table: 'organisations' },
  { path: '/fa/manage/organisations/caritas-migrationsberatung', as: 'owner', table: 'organisations' },
  { path: '/uk/volunteer', as: 'person', intents: ['languages', 'submitTranslation', 'renewFeed', 'bogus'], table: 'volunteer_profiles' },
  // Sessions and joining; the sign-up link of the demo volunteer (whose place must stay: no `cancel` there).
  { path: `/de/groups/ak-sprache/sessions/${demoMeetingDay('ak-sprache')}`, as: 'person', intents: ['signup', 'cancel', 'bogus'], table: 'session_signups' },
  { path: '/fa/groups/ak-sprache/join', as: 'person', intents: ['join', 'leave', 'bogus'], table: 'group_members' },
  { path: '/ar/signups/demo-signup-ehrenamt-2026', intents: ['take', 'bogus'], table: 'session_signups' },
  // Volunteer profiles, finding volunteers, the skills list and announcements.
  { path: '/fa/volunteer', as: 'person', intents: ['profile', 'bogus'], table: 'volunteer_profiles' },
  { path: '/de/manage/volunteers?language=fa', as: 'coordinator', intents: ['announce', 'translate', 'addSkill', 'renameSkill', 'removeSkill', 'bogus'], table: 'announcements' },
  { path: '/ar/groups/ak-sprache/announcements', as: 'coordinator', intents: ['announce', 'translate', 'bogus'], table: 'announcement_recipients' },
  // The check before work with children, recorded for the demo owner (whose record no other test reads).
  {
    get path() {
      return `/uk/manage/volunteers/${demoUserId(demoAccounts.owner.email)}`
    },
    as: 'coordinator',
    intents: ['record', 'delete', 'bogus'],
    table: 'child_protection_checks',
  },
  // Running groups. `close` and `remind` are left out: a lucky post must not close the demo café for the other tests.
  { path: '/de/manage/groups/new', as: 'coordinator', table: 'working_groups' },
  { path: '/ar/manage/groups/cafe-bahnhof', as: 'coordinator', intents: ['save', 'addLead', 'removeLead', 'cancelSession', 'addExtraDate', 'approve', 'decline', 'remove', 'attendance', 'bogus'], table: 'group_sessions' },
  { path: '/fa/groups/cafe-bahnhof/move', as: 'person', intents: ['move', 'decline', 'bogus'], table: 'group_members' },
  { path: `/de/postings/${reportable.id}/report`, table: 'reports' },
  { path: '/fa/organisations/caritas-migrationsberatung/report', table: 'reports' },
  { path: '/de/moderation', as: 'coordinator', intents: ['verify', 'reject', 'hide', 'restore', 'approve', 'suspend', 'unsuspend', 'dismiss', 'bogus'], table: 'moderation_decisions' },
  { path: '/ar/manage/decisions/1', as: 'owner' },
  // Answers. The demo conversation's "delete" and "close" take no fields and would end it for the other tests.
  { path: `/de/postings/${reportable.id}/respond`, table: 'conversations' },
  { path: '/ar/conversations/demo-conversation-caritas-2026', intents: ['reply', 'bogus'], table: 'messages' },
  { path: '/uk/manage/conversations/demo-caritas', as: 'owner', intents: ['reply', 'bogus'], table: 'messages' },
]

let address = 0
const nextAddress = () => `198.18.${Math.floor(++address / 250) % 250}.${(address % 250) + 1}`

test('no input through any form makes a 5xx or leaves a row from a rejected form', async ({ playwright, baseURL }) => {
  test.setTimeout(600_000)
  const request = await playwright.request.newContext({ baseURL })
  // A person of its own: ending "all other sessions" must not sign out another test's demo account.
  const person = await newConfirmedAccount(request, baseURL!, 'uk')
  const cookies: Record<Who, string> = {
    person: await signIn(playwright, baseURL!, person),
    owner: await signIn(playwright, baseURL!, demoAccounts.owner),
    admin: await signIn(playwright, baseURL!, demoAccounts.admin),
    coordinator: await signIn(playwright, baseURL!, demoAccounts.coordinator),
  }
  const db = new Database(databaseFile, { readonly: true })
  const failures: string[] = []
  let sent = 0
  for (const target of targets) {
    await fc.assert(
      fc.asyncProperty(fields, fc.constantFrom(...(target.intents ?? [''])), fc.constantFrom('urlencoded', 'multipart', 'json', 'garbage'), async (pairs, intent, encoding) => {
        const all: Array<[string, string]> = intent ? [['intent', intent], ...pairs] : pairs
        const headers: Record<string, string> = { Origin: baseURL!, 'X-Forwarded-For': nextAddress(), ...(target.as ? { Cookie: cookies[target.as] } : {}) }
        const count = () => (target.table ? (db.prepare(`select count(*) n from ${target.table}`).get() as { n: number }).n : 0)
        const before = count()
        let response
        if (encoding === 'urlencoded') {
          response = await request.post(target.path, { headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }, data: encodeForm(all), maxRedirects: 0 })
        } else if (encoding === 'multipart') {
          response = await request.post(target.path, { headers, multipart: Object.fromEntries(all), maxRedirects: 0 })
        } else if (encoding === 'json') {
          response = await request.post(target.path, { headers, data: Object.fromEntries(all), maxRedirects: 0 })
        } else {
          response = await request.post(target.path, { headers: { ...headers, 'Content-Type': 'multipart/form-data; boundary=x' }, data: '--x\r\nbroken', maxRedirects: 0 })
        }
        sent++
        if (response.status() >= 500) failures.push(`${target.path} ${encoding} ${JSON.stringify(all).slice(0, 300)} → ${response.status()}`)
        if (response.status() === 400 && target.table && count() !== before) failures.push(`rejected ${target.path} changed ${target.table}: ${JSON.stringify(all).slice(0, 300)}`)
        if (response.status() === 400 && target.path === '/de/signup') {
          const email = (Object.fromEntries(all).email ?? '').trim().toLowerCase()
          if (email && db.prepare('select 1 from users where email = ?').get(email)) failures.push(`rejected sign-up stored ${email}`)
        }
      }),
      { numRuns: 80, seed: 20261202 },
    )
  }
  // The JSON API: strict, always 200 or 400 with a message.
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('q', 'lang', 'kind', 'type', 'category', 'district', 'audience', 'language', 'orgKind', 'sort', 'page', 'perPage', 'x'), hostile), { maxLength: 6 }), async (pairs) => {
      const response = await request.get(`/api/search?${encodeForm(pairs.map(([k, v]) => [k, v.slice(0, 2000)]))}`)
      sent++
      if (response.status() >= 500 || ![200, 400].includes(response.status())) failures.push(`/api/search ${JSON.stringify(pairs).slice(0, 300)} → ${response.status()}`)
      const body = await response.json()
      if (response.status() === 400 && typeof body.error !== 'string') failures.push(`/api/search 400 without a message`)
    }),
    { numRuns: 200, seed: 20261202 },
  )
  // The sessions API: 200, 400 or 404, always JSON, never anyone's data.
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('cafe-bahnhof', 'ak-sprache', 'no-such-group', '%00'), fc.array(fc.tuple(fc.constantFrom('from', 'to', 'x'), fc.oneof(hostile, fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)))), { maxLength: 4 }), async (group, pairs) => {
      const response = await request.get(`/api/groups/${encodeURIComponent(group)}/sessions?${encodeForm(pairs.map(([k, v]) => [k, v.slice(0, 2000)]))}`)
      sent++
      if (![200, 400, 404].includes(response.status())) failures.push(`/api/groups/${group}/sessions ${JSON.stringify(pairs).slice(0, 300)} → ${response.status()}`)
      const body = await response.json()
      if (response.status() === 200 && JSON.stringify(body).includes('@')) failures.push(`/api/groups/${group}/sessions answered personal data`)
    }),
    { numRuns: 100, seed: 20261202 },
  )
  db.close()
  await request.dispose()
  expect(failures).toEqual([])
  expect(sent).toBe(targets.length * 80 + 300)
  console.log(`fuzz: ${sent} requests, no 5xx`)
})
