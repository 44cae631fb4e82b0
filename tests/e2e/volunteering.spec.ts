import { execFileSync } from 'node:child_process'
import type { Page } from '@playwright/test'
import ical, { type VEvent } from 'node-ical'
import Database from 'better-sqlite3'
import { addMonths, todayInBerlin } from '../../db/dates'
import { instantInBerlin } from '../../db/schedule'
import { checkLaws } from '../../app/lib/format'
import { formatDate } from '../../locales/dates'
import { databaseFile, demoAccounts, demoUserId, fill, logIn, mailTo, messages, newConfirmedAccount, outboxDir } from './accounts'
import { demoMeetingDay, expect, test } from './fixtures'

/**
 * A café's life as its people live it: a coordinator creates a weekly café with three
 * places; four volunteers sign up and the fourth waits; one cancels from the reminder
 * e-mail; the fourth takes the offered place; the coordinator announces a change in German
 * with an Arabic translation, read in Arabic; a volunteer's calendar feed parses with the
 * right local times; the café closes and a member moves to its successor with one click.
 */
const v = { de: messages('de', 'volunteering'), ar: messages('ar', 'volunteering') }
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

test.use({ signsIn: true })


/** Tomorrow in Berlin, and its weekday. */
function tomorrow(): { day: string; weekday: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date())
  const day = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  return { day, weekday: weekdays[(new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7] }
}

/** Every due background job once, as cron would run `npm run jobs:once` (reminders among them). */
function runJobsOnce() {
  execFileSync(process.execPath, ['build/jobs-once.js'], { env: { ...process.env, DATABASE_PATH: databaseFile, OUTBOX_DIR: outboxDir, LOG_LEVEL: 'warn' }, stdio: 'pipe' })
}

for (const javaScriptEnabled of [true, false]) {
  test(`a café fills up, a place passes on from the reminder e-mail, an announcement is read in Arabic, the feed parses and members move on, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async ({ browser, baseURL, extraHTTPHeaders, request }) => {
    test.setTimeout(180_000)
    const newPage = async () => (await browser.newContext({ baseURL, javaScriptEnabled, extraHTTPHeaders })).newPage()
    const id = `${process.pid}${Date.now() % 1_000_000}${javaScriptEnabled ? 'j' : 'h'}`
    const { day, weekday } = tomorrow()

    // The coordinator creates a weekly café with three places, meeting from tomorrow.
    const coordinator = await newPage()
    await logIn(coordinator, 'de', demoAccounts.coordinator)
    await coordinator.goto('/de/manage/groups/new')
    const name = `Begegnungscafé Probe ${id}`
    await coordinator.locator('#field-name-de').fill(name)
    await coordinator.locator('#field-kind').selectOption('begegnungscafe')
    await coordinator.locator('#field-capacity').fill('3')
    await coordinator.locator('#field-schedule-frequency').selectOption('weekly')
    await coordinator.locator('#field-schedule-weekday').selectOption(weekday)
    await coordinator.locator('#field-schedule-start').fill('15:00')
    await coordinator.locator('#field-schedule-end').fill('17:00')
    await coordinator.locator('#field-schedule-from').fill(day)
    await coordinator.getByRole('button', { name: v.de.lead.create }).click()
    await expect(coordinator.locator('.form-done')).toHaveText(v.de.lead.done.create)
    const slug = new URL(coordinator.url()).pathname.split('/')[4]
    expect(slug).toMatch(/^begegnungscafe-probe-/)

    // Four volunteers sign up for tomorrow: three places, the fourth (reading Arabic) waits.
    const people = [await newConfirmedAccount(request, baseURL!, 'de'), await newConfirmedAccount(request, baseURL!, 'de'), await newConfirmedAccount(request, baseURL!, 'de'), await newConfirmedAccount(request, baseURL!, 'ar')]
    const pages: Page[] = []
    for (const [index, person] of people.entries()) {
      const lng = index === 3 ? 'ar' : 'de'
      const page = await newPage()
      await logIn(page, lng, person)
      await page.goto(`/${lng}/groups/${slug}/sessions/${day}`)
      await page.getByRole('button', { name: index === 3 ? v.ar.sessions.actions.wait : v.de.sessions.actions.signup }).click()
      await expect(page.locator('.form-done')).toHaveText(index === 3 ? v.ar.sessions.done.waiting : v.de.sessions.done.confirmed)
      pages.push(page)
    }
    await expect(pages[3].getByText(v.ar.sessions.state.waiting.replace('{{position}}', '1').split('.')[0], { exact: false })).toBeVisible()

    // The reminder e-mail arrives the day before; the first volunteer cancels from it, without signing in.
    const reminded = Date.now()
    runJobsOnce()
    const reminder = await mailTo(people[0].email, reminded - 1000)
    const stranger = await browser.newContext({ baseURL, javaScriptEnabled, extraHTTPHeaders })
    const link = await stranger.newPage()
    await link.goto(new URL(reminder.link!).pathname)
    await link.getByRole('button', { name: v.de.sessions.actions.cancel }).click()
    await expect(link.getByText(v.de.sessions.link.cancelled)).toBeVisible()
    await stranger.close()

    // The one waiting is offered the place, in Arabic, and takes it with one click.
    const offer = await mailTo(people[3].email, reminded - 1000)
    await pages[3].goto(new URL(offer.link!).pathname)
    await pages[3].getByRole('button', { name: v.ar.sessions.actions.take }).click()
    await expect(pages[3].locator('.form-done')).toHaveText(v.ar.sessions.done.confirmed)
    await pages[3].goto(`/ar/groups/${slug}/sessions/${day}`)
    await expect(pages[3].getByText(v.ar.sessions.state.confirmed)).toBeVisible()

    // The coordinator announces a change in German with an Arabic translation; the Arabic reader reads it in Arabic.
    await coordinator.goto(`/de/groups/${slug}/announcements`)
    await coordinator.locator('#field-subject-de').fill('Neuer Raum')
    await coordinator.locator('#field-body-de').fill('Ab morgen treffen wir uns im Raum 2.')
    await coordinator.locator('details', { has: coordinator.locator('#field-subject-ar') }).locator('summary').click()
    await coordinator.locator('#field-subject-ar').fill('قاعة جديدة')
    await coordinator.locator('#field-body-ar').fill('اعتباراً من الغد نلتقي في القاعة رقم 2.')
    await coordinator.getByRole('button', { name: v.de.people.form.send }).click()
    await expect(coordinator.locator('.form-done')).toHaveText(v.de.people.done.announce)
    await pages[3].goto('/ar/volunteer')
    await pages[3].getByRole('link', { name: 'قاعة جديدة' }).click()
    await expect(pages[3].getByText(v.ar.people.announcement.translated.split('(')[0].trim()).first()).toBeVisible()
    await expect(pages[3].getByText('اعتباراً من الغد نلتقي في القاعة رقم 2.').first()).toBeVisible()
    await expect(pages[3].getByText('Ab morgen treffen wir uns im Raum 2.')).toHaveCount(0)

    // A volunteer subscribes to the personal feed: it parses, tomorrow's meeting at 15:00 Berlin time.
    const second = pages[1]
    await second.goto('/de/volunteer')
    await second.getByRole('button', { name: v.de.sessions.volunteer.feedCreate }).click()
    const feedUrl = await second.locator('#feed-address').inputValue()
    const feed = await request.get(new URL(feedUrl).pathname)
    expect(feed.headers()['content-type']).toContain('text/calendar')
    const events = Object.values(ical.sync.parseICS(await feed.text())).filter((entry) => entry?.type === 'VEVENT') as VEvent[]
    const meeting = events.find((event) => String(event.summary).includes(name))
    expect(meeting?.start.toISOString()).toBe(instantInBerlin(day, '15:00').toISOString())
    expect(meeting?.end?.toISOString()).toBe(instantInBerlin(day, '17:00').toISOString())

    // The café closes with a successor; a member moves there with one click from the e-mail.
    const closed = Date.now()
    await coordinator.goto(`/de/manage/groups/${slug}`)
    await coordinator.locator('#field-successors-ak-sprache').check()
    await coordinator.getByLabel(v.de.lead.transition.message).fill('Das Café schließt. Im Arbeitskreis Sprache geht es weiter.')
    await coordinator.getByRole('button', { name: v.de.lead.transition.close }).click()
    await expect(coordinator.locator('.form-done')).toHaveText(v.de.lead.done.close)
    const invitation = await mailTo(people[1].email, closed - 1000)
    expect(invitation.text).toContain('Das Café schließt. Im Arbeitskreis Sprache geht es weiter.')
    await second.goto(new URL(invitation.link!).pathname)
    await second.locator('form', { has: second.locator('input[name="successor"][value="ak-sprache"]') }).getByRole('button').click()
    await expect(second.locator('.form-done')).toHaveText(v.de.lead.done.move)
    await coordinator.goto(`/de/manage/groups/${slug}`)
    await expect(coordinator.getByText(v.de.lead.transition.moved.replace('{{n}}', '1'))).toBeVisible()
  })
}

test('a group that works with children takes a sign-up only after a coordinator recorded the check, without JavaScript', async ({ browser, baseURL, extraHTTPHeaders, request }) => {
  const newPage = async () => (await browser.newContext({ baseURL, javaScriptEnabled: false, extraHTTPHeaders })).newPage()
  const sessionPath = `/ar/groups/ak-kinder-familie/sessions/${demoMeetingDay('ak-kinder-familie')}`
  const person = await newConfirmedAccount(request, baseURL!, 'ar')
  const volunteer = await newPage()
  await logIn(volunteer, 'ar', person)
  // The group takes members by approval: the volunteer asks, the coordinator approves.
  await volunteer.goto('/ar/groups/ak-kinder-familie/join')
  await volunteer.getByRole('button', { name: v.ar.sessions.actions.request }).click()
  await expect(volunteer.getByText(v.ar.sessions.join.requested)).toBeVisible()
  const coordinator = await newPage()
  await logIn(coordinator, 'ar', demoAccounts.coordinator)
  await coordinator.goto('/ar/manage/groups/ak-kinder-familie')
  await coordinator.locator('li', { hasText: person.email }).getByRole('button', { name: v.ar.lead.requests.approve }).click()
  await expect(coordinator.locator('.form-done')).toBeVisible()
  // A member without a check cannot sign up; the page says why before and after.
  await volunteer.goto(sessionPath)
  await expect(volunteer.getByText(fill(v.ar.checks.groupNote, checkLaws))).toBeVisible()
  await volunteer.getByRole('button', { name: v.ar.sessions.actions.signup }).click()
  await expect(volunteer.locator('.form-error')).toHaveText(v.ar.sessions.errors.checkRequired)
  // The coordinator's member list says so too.
  await coordinator.goto('/ar/manage/groups/ak-kinder-familie')
  await expect(coordinator.locator('li', { hasText: person.email })).toContainText(v.ar.checks.missing)

  // The coordinator records what the certificate showed: a mistake first, kept as typed.
  await coordinator.goto(`/ar/manage/volunteers/${demoUserId(person.email)}`)
  await expect(coordinator.getByText(v.ar.checks.none)).toBeVisible()
  await coordinator.getByLabel(v.ar.checks.form.certificateDate, { exact: true }).fill('2026-02-30')
  await coordinator.getByLabel(v.ar.checks.form.convictionNo, { exact: true }).check()
  await coordinator.getByRole('button', { name: v.ar.checks.form.save }).click()
  await expect(coordinator.locator('#field-seen-error')).toHaveText(v.ar.checks.errors.seen)
  await expect(coordinator.getByLabel(v.ar.checks.form.convictionNo, { exact: true })).toBeChecked()
  const certificate = addMonths(todayInBerlin(), -2)
  await coordinator.getByLabel(v.ar.checks.form.seen, { exact: true }).check()
  await coordinator.getByLabel(v.ar.checks.form.certificateDate, { exact: true }).fill(certificate)
  await coordinator.getByLabel(v.ar.checks.form.briefingDate, { exact: true }).fill(certificate)
  await coordinator.getByRole('button', { name: v.ar.checks.form.save }).click()
  await expect(coordinator.locator('.form-done')).toHaveText(v.ar.checks.done.record)
  const stored = new Database(databaseFile, { readonly: true })
  expect(stored.prepare('select certificate_date as date, conviction, briefing_date as briefing from child_protection_checks where user_id = ?').get(demoUserId(person.email))).toEqual({ date: certificate, conviction: 0, briefing: certificate })
  stored.close()

  // Now the sign-up goes through, and the volunteer sees on their page what is stored.
  await volunteer.goto(sessionPath)
  await volunteer.getByRole('button', { name: v.ar.sessions.actions.signup }).click()
  await expect(volunteer.getByText(v.ar.sessions.state.confirmed)).toBeVisible()
  await volunteer.goto('/ar/volunteer')
  await expect(volunteer.getByRole('heading', { name: v.ar.checks.ownTitle })).toBeVisible()
  await expect(volunteer.locator('#own-check + p')).toHaveText(fill(v.ar.checks.state.valid, { date: formatDate(addMonths(certificate, 60), 'ar') }))
})
