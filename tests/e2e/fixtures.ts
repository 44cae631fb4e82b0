import fs from 'node:fs'
import { test as base, expect } from '@playwright/test'
import { demoAccounts, demoUserId } from './accounts'
import { addDays, todayInBerlin } from '../../db/dates'
import { nextMeetingDays } from '../../db/schedule'
import type { Schedule } from '../../db/schema/groups'
import { loadDemo } from '../../db/seed/demo'

/**
 * Every page in every test: no console error (a script error is a bug), no request
 * to another origin (no CDNs, no trackers), no cookie for an anonymous visitor.
 */
export const test = base.extend<{ signsIn: boolean; guard: void }>({
  /** A test whose person signs in may hold a session cookie; every other test holds none. */
  signsIn: [false, { option: true }],
  // Every test is its own client address (TRUST_PROXY=1), so rate limits count per test.
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide) => {
    await provide({ ...extraHTTPHeaders, 'X-Forwarded-For': clientAddress() })
  },
  guard: [
    async ({ page, context, baseURL, signsIn }, use) => {
      const problems: string[] = []
      page.on('console', (message) => {
        // A page answered 404 or 400 on purpose is logged by Chromium as a failed load of itself.
        if (message.text().startsWith('Failed to load resource') && message.location().url === page.url()) return
        if (message.type() === 'error') problems.push(`console.error: ${message.text()}`)
      })
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      page.on('request', (request) => {
        const url = request.url()
        if (!url.startsWith(baseURL!) && !url.startsWith('data:')) problems.push(`request to another origin: ${url}`)
      })
      await use()
      expect(problems).toEqual([])
      if (!signsIn) expect(await context.cookies()).toEqual([])
    },
    { auto: true },
  ],
})
export { expect }

let clients = 0
/** A documentation address (RFC 5737) of its own for each test client. */
export function clientAddress(): string {
  clients++
  return `198.51.${(process.pid % 200) + Math.floor(clients / 250)}.${(clients % 250) + 1}`
}

type Demo = {
  postings: Array<{ id: string; title: Record<string, string>; status: string; validFrom?: string; validUntil?: string; type: string; category: string }>
  organisations: Array<{ id: string; name: string }>
  workingGroups: Array<{ id: string; name: Record<string, string> }>
  categories: Array<{ id: string; parent: string | null; label: Record<string, string> }>
}

/** The demo municipality the e2e server was seeded with (dates shift in whole weeks; status does not). */
export const demo: Demo = JSON.parse(fs.readFileSync('db/seed/demo.json', 'utf8'))

const visibleAlways = (p: Demo['postings'][number]) =>
  p.status === 'published' && !p.validUntil && (!p.validFrom || p.validFrom <= '2026-11-02')

export const locales = ['de', 'en', 'ar', 'fa', 'uk', 'ru', 'tr']

/** A demo group's first meeting two days ahead or later, its dates shifted as the seed shifts them. */
export function demoMeetingDay(groupId: string): string {
  const today = todayInBerlin()
  const groups = (loadDemo(today) as { workingGroups: Array<{ id: string; schedule: Schedule }> }).workingGroups
  return nextMeetingDays(groups.find((g) => g.id === groupId)!.schedule, addDays(today, 2), 1)[0]
}

/** The demo café session the demo accounts signed up for (server/demo-sessions.ts). */
export const demoSessionDay = demoMeetingDay('cafe-bahnhof')

const shownPosting = demo.postings.find((p) => p.status === 'published' && !p.validUntil && Object.keys(p.title).length >= 3)!

/** Every page type with the path after the locale prefix and the status it answers. */
export const pageTypes: Array<[string, string, number]> = [
  ['home', '', 200],
  ['offers', '/offers', 200],
  ['needs', '/needs', 200],
  ['needs filtered', '/needs?category=donations&audience=families', 200],
  ['posting', `/postings/${shownPosting.id}`, 200],
  ['organisations', '/organisations?kind=advisory_centre', 200],
  ['organisation', `/organisations/${demo.organisations[0].id}`, 200],
  ['groups', '/groups', 200],
  ['group', `/groups/${demo.workingGroups[0].id}`, 200],
  ['category', '/categories/language', 200],
  ['district', '/districts/oststadt', 200],
  ['search', '/search?q=kurs&kind=posting', 200],
  ['search in Arabic', `/search?q=${encodeURIComponent('دورة')}`, 200],
  ['search without results', '/search?q=qqqxyzzy&district=oststadt', 200],
  ['not found', '/postings/does-not-exist', 404],
  ['ended posting', `/postings/${demo.postings.find((p) => p.status === 'withdrawn')!.id}`, 410],
  ['sign up', '/signup', 200],
  ['log in', '/login', 200],
  ['forgotten password', '/reset', 200],
  ['confirmation link', `/confirm/${'A'.repeat(32)}`, 200],
  ['new password link', `/reset/${'A'.repeat(32)}`, 200],
  ['invitation link', `/invitations/${'A'.repeat(32)}`, 200],
  ['privacy', '/privacy', 200],
  ['accessibility statement', '/accessibility', 200],
  ['imprint', '/imprint', 200],
  ['answer a posting', `/postings/${shownPosting.id}/respond`, 200],
  ['report a posting', `/postings/${shownPosting.id}/report`, 200],
  ['report an organisation', `/organisations/${demo.organisations[0].id}/report`, 200],
  ['a visitor\'s conversation', '/conversations/demo-conversation-caritas-2026', 200],
  ['group session', `/groups/cafe-bahnhof/sessions/${demoSessionDay}`, 200],
  ['join a group', '/groups/ak-begleitung/join', 200],
  ['one-click link of a sign-up', '/signups/demo-signup-ehrenamt-2026', 200],
  ['groups by weekday and time', '/groups?weekday=mon&time=evening', 200],
]

/** Pages only a signed-in person sees, and which demo account sees them. */
export const signedInPageTypes: Array<[string, string | (() => string), 'owner' | 'admin' | 'coordinator' | 'volunteer']> = [
  ['account', '/account', 'owner'],
  ['delete account', '/account/delete', 'owner'],
  ['manage', '/manage', 'owner'],
  ['members', '/manage/organisations/caritas-migrationsberatung/members', 'owner'],
  ['manage as coordinator', '/manage', 'coordinator'],
  ['accounts and roles', '/admin/users', 'admin'],
  ['installation settings', '/admin/settings', 'admin'],
  ['new posting', '/manage/postings/new?organisation=caritas-migrationsberatung', 'owner'],
  ['edit posting', '/manage/postings/p-154', 'owner'],
  ['register an organisation', '/manage/organisations/new', 'owner'],
  ['manage an organisation', '/manage/organisations/caritas-migrationsberatung', 'owner'],
  ['volunteer page', '/volunteer', 'owner'],
  ['inbox', '/manage/inbox', 'owner'],
  ['conversation', '/manage/conversations/demo-caritas', 'owner'],
  ['moderation decision', '/manage/decisions/1', 'owner'],
  ['moderation queue', '/moderation', 'coordinator'],
  ['audit log', '/moderation/audit', 'coordinator'],
  ['taxonomy', '/admin/taxonomy', 'coordinator'],
  ['new group', '/manage/groups/new', 'coordinator'],
  ['run a group', '/manage/groups/cafe-bahnhof', 'coordinator'],
  ['find volunteers', '/manage/volunteers?language=fa', 'coordinator'],
  ["a group's announcements", '/groups/ak-sprache/announcements', 'coordinator'],
  ['run a group that requires the check', '/manage/groups/ak-kinder-familie', 'coordinator'],
  ['a volunteer and their check', () => `/manage/volunteers/${demoUserId(demoAccounts.volunteer.email)}`, 'coordinator'],
  ['volunteer page with a check', '/volunteer', 'volunteer'],
]

/** A published, open-ended posting whose title exists only in the given locales. */
export function postingOnlyIn(...langs: string[]) {
  const found = demo.postings.find((p) => visibleAlways(p) && Object.keys(p.title).sort().join() === [...langs].sort().join())
  if (!found) throw new Error(`the demo has no visible posting only in ${langs.join(', ')}`)
  return found
}

/** A published, open-ended posting with a title in (at least) each of the given locales. */
export function postingIn(...langs: string[]) {
  const found = demo.postings.find((p) => visibleAlways(p) && langs.every((lang) => lang in p.title))
  if (!found) throw new Error(`the demo has no visible posting in ${langs.join(', ')}`)
  return found
}

/** The note under text shown in its source language, as the reader's locale words it. */
export function sourceNote(reader: string, source: string): string {
  const template: string = JSON.parse(fs.readFileSync(`locales/${reader}/common.json`, 'utf8')).text.onlyIn
  return template.replace('{{language}}', new Intl.DisplayNames([reader], { type: 'language' }).of(source)!)
}
