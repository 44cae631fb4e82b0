import fs from 'node:fs'
import path from 'node:path'
import { expect, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from '@playwright/test'
import Database from 'better-sqlite3'
import { simpleParser } from 'mailparser'

/** The demo accounts the e2e server was seeded with (README "Demo accounts"). */
export const demoAccounts = {
  admin: { email: 'admin@lindenfeld.example', password: 'Sonnenblume-Rathaus-17' },
  coordinator: { email: 'koordination@lindenfeld.example', password: 'Brueckenbau-Wochenmarkt-23' },
  owner: { email: 'leitung@caritas-lindenfeld.example', password: 'Teekanne-Beratung-Nord-31' },
  editor: { email: 'redaktion@caritas-lindenfeld.example', password: 'Leuchtturm-Schreibtisch-42' },
  volunteer: { email: 'ehrenamt@lindenfeld.example', password: 'Fahrrad-Sprachcafe-58' },
} as const

/** A translation with its values put in (an absent value leaves nothing). */
export const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '')

export const outboxDir = path.resolve('tests/.tmp/e2e/outbox')
export const databaseFile = path.resolve('tests/.tmp/e2e/treffpunkt.db')

/** The id of a demo account in the e2e server's database (ask only once the server runs). */
export function demoUserId(email: string): string {
  const db = new Database(databaseFile, { readonly: true })
  try {
    const row = db.prepare('select id from users where email = ?').get(email) as { id: string } | undefined
    if (!row) throw new Error(`no demo account ${email}`)
    return row.id
  } finally {
    db.close()
  }
}

/**
 * Signs in through the login form in a throwaway request context (its cookie jar must not
 * leak into the caller's requests); returns the session cookie as a header value.
 */
export async function signIn(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string, account: { email: string; password: string }): Promise<string> {
  const request: APIRequestContext = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': '192.0.2.1' } })
  const response = await request.post('/de/login', { form: { email: account.email, password: account.password }, headers: { Origin: baseURL }, maxRedirects: 0 })
  await request.dispose()
  if (response.status() !== 302) throw new Error(`login of ${account.email} answered ${response.status()}`)
  const cookie = response.headers()['set-cookie']?.split(';')[0]
  if (!cookie) throw new Error(`login of ${account.email} set no cookie`)
  return cookie
}

export type ReceivedMail = { to: string; subject: string; text: string; html: string; file: string; link?: string }

/** The newest e-mail to `to` written after `after` (with `subject`, when given), if it is there. */
async function findMail(to: string, after: number, subject?: string): Promise<ReceivedMail | undefined> {
  const files = fs.readdirSync(outboxDir).filter((name) => name.endsWith('.eml')).sort().reverse()
  for (const name of files) {
    const file = path.join(outboxDir, name)
    if (fs.statSync(file).mtimeMs < after) continue
    const parsed = await simpleParser(fs.readFileSync(file))
    const address = Array.isArray(parsed.to) ? parsed.to[0]?.text : parsed.to?.text
    if (address === to && (subject === undefined || parsed.subject === subject)) {
      const text = parsed.text ?? ''
      return { to: address, subject: parsed.subject ?? '', text, html: String(parsed.html ?? ''), file, link: /https?:\/\/\S+/.exec(text)?.[0] }
    }
  }
  return undefined
}

/**
 * The e-mail to `to` (written after `after`, with `subject` when given), once the relay has
 * written it: each new file in the outbox directory wakes the search; no timer decides.
 * Should it never come, the test's own timeout ends the wait.
 */
export async function mailTo(to: string, after = 0, subject?: string): Promise<ReceivedMail> {
  fs.mkdirSync(outboxDir, { recursive: true })
  let changed: () => void = () => {}
  // Watch before looking, so a file written in between still wakes the next look.
  const watcher = fs.watch(outboxDir, () => changed())
  try {
    for (;;) {
      const next = new Promise<void>((resolve) => (changed = resolve))
      const mail = await findMail(to, after, subject)
      if (mail) return mail
      await next
    }
  } finally {
    watcher.close()
  }
}

let made = 0
/** A new, confirmed account made through the sign-up form and its e-mail, as a person would. */
export async function newConfirmedAccount(request: APIRequestContext, baseURL: string, locale: string, email = `person-${process.pid}-${++made}-${Date.now()}@example.org`) {
  const password = 'Kirschbaum-Wiese-Sommer-5'
  const started = Date.now()
  const signUp = await request.post(`/${locale}/signup`, { form: { name: 'Samira Beispiel', email, password, locale }, headers: { Origin: baseURL } })
  if (signUp.status() !== 200) throw new Error(`sign-up answered ${signUp.status()}`)
  const subject = JSON.parse(fs.readFileSync(`locales/${locale}/mail.json`, 'utf8')).confirm.subject as string
  const mail = await mailTo(email, started - 1000, subject)
  const confirmed = await request.post(new URL(mail.link!).pathname, { headers: { Origin: baseURL }, maxRedirects: 0 })
  if (confirmed.status() !== 302) throw new Error(`confirmation answered ${confirmed.status()}`)
  return { email, password }
}

/** A namespace of the locale files, as the tests read labels and messages. */
export const messages = (lng: string, ns: string) => JSON.parse(fs.readFileSync(`locales/${lng}/${ns}.json`, 'utf8'))

/** Signs in through the login form in the reader's locale, as a person does; lands on /{lng}/manage. */
export async function logIn(page: Page, lng: string, account: { email: string; password: string }) {
  const a = messages(lng, 'account')
  await page.goto(`/${lng}/login`)
  await page.getByLabel(a.fields.email).fill(account.email)
  await page.getByLabel(a.fields.password).fill(account.password)
  await page.getByRole('button', { name: a.login.submit }).click()
  await expect(page).toHaveURL(`/${lng}/manage`)
}
