import fs from 'node:fs'
import path from 'node:path'
import { and, asc, eq, lte } from 'drizzle-orm'
import { createInstance, type TFunction } from 'i18next'
import nodemailer from 'nodemailer'
import MailComposer from 'nodemailer/lib/mail-composer/index.js'
import type { Db } from '../db/client'
import type { Clock } from '../db/clock'
import { defaultLocale, isLocale, locales, rtlLocales } from '../locales'
import { mailOutbox } from '../db/schema'
import { projectRoot } from '../db/root'

export type MailSettings = { smtpUrl?: string; from: string; outboxDir: string; publicUrl: string }

const localesDir = path.join(projectRoot(), 'locales')

let translators: Map<string, TFunction> | undefined
function translator(locale: string): TFunction {
  if (!translators) {
    translators = new Map()
    for (const lng of locales) {
      const instance = createInstance()
      const messages = JSON.parse(fs.readFileSync(path.join(localesDir, lng, 'mail.json'), 'utf8'))
      void instance.init({ lng, resources: { [lng]: { mail: messages } }, ns: ['mail'], defaultNS: 'mail', initImmediate: false, interpolation: { escapeValue: false } })
      translators.set(lng, instance.t)
    }
  }
  return translators.get(isLocale(locale) ? locale : defaultLocale)!
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export type Rendered = { subject: string; text: string; html: string }

/** An e-mail in the recipient's locale: plain text and simple HTML, right to left where the language is. */
export function renderMail(template: string, locale: string, params: Record<string, string>, publicUrl: string): Rendered {
  const t = translator(locale)
  const link = params.path ? new URL(params.path, publicUrl).toString() : undefined
  const values = { ...params, site: t('site') }
  const subject = t(`${template}.subject`, values)
  const paragraphs = [t('greeting', values), ...(t(`${template}.body`, { ...values, returnObjects: true }) as string[])]
  const action = link ? t(`${template}.action`, values) : undefined
  const footer = t('footer', values)
  const text = [...paragraphs, ...(link ? [`${action}:\n${link}`] : []), '--', footer].join('\n\n')
  const lng = isLocale(locale) ? locale : defaultLocale
  const dir = rtlLocales.includes(lng) ? 'rtl' : 'ltr'
  const html = `<!DOCTYPE html><html lang="${lng}" dir="${dir}"><head><meta charset="utf-8"><title>${escape(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5">${paragraphs
    .map((p) => `<p style="white-space:pre-line" dir="auto">${escape(p)}</p>`)
    .join('')}${link ? `<p><a href="${escape(link)}">${escape(action!)}</a></p><p dir="ltr" style="font-size:small">${escape(link)}</p>` : ''}<hr><p style="font-size:small">${escape(footer)}</p></body></html>`
  return { subject, text, html }
}

export type Sender = (message: { from: string; to: string; subject: string; text: string; html: string; date: Date }, id: number) => Promise<void>

/** SMTP when configured; else one `.eml` file per message in `outboxDir`, named to sort by time. */
export function createSender(settings: MailSettings): Sender {
  if (settings.smtpUrl) {
    const transport = nodemailer.createTransport(settings.smtpUrl)
    return async (message) => {
      await transport.sendMail(message)
    }
  }
  return async (message, id) => {
    fs.mkdirSync(settings.outboxDir, { recursive: true })
    const bytes = await new MailComposer(message).compile().build()
    const name = `${message.date.toISOString().replace(/[-:.]/g, '')}-${String(id).padStart(8, '0')}.eml`
    const file = path.join(settings.outboxDir, name)
    fs.writeFileSync(`${file}.tmp`, bytes)
    fs.renameSync(`${file}.tmp`, file)
  }
}

const backoff = (attempts: number) => Math.min(60 * 60_000, 30_000 * 2 ** attempts)

/**
 * Sends every due message of the outbox: rendered in the recipient's locale, then the
 * row is deleted (the address is personal data). A failure waits longer each time.
 */
export async function deliverMail(db: Db, clock: Clock, settings: MailSettings, send: Sender = createSender(settings)): Promise<{ sent: number; failed: number }> {
  let sent = 0
  let failed = 0
  const due = db
    .select()
    .from(mailOutbox)
    .where(lte(mailOutbox.nextAttemptAt, clock.now().toISOString()))
    .orderBy(asc(mailOutbox.id))
    .limit(100)
    .all()
  for (const row of due) {
    try {
      const rendered = renderMail(row.template, row.locale, row.params, settings.publicUrl)
      await send({ from: settings.from, to: row.to, ...rendered, date: clock.now() }, row.id)
      db.delete(mailOutbox).where(eq(mailOutbox.id, row.id)).run()
      sent++
    } catch (error) {
      failed++
      const attempts = row.attempts + 1
      db.update(mailOutbox)
        .set({ attempts, nextAttemptAt: new Date(clock.now().getTime() + backoff(attempts)).toISOString(), lastError: String((error as Error).message ?? error).slice(0, 500) })
        .where(and(eq(mailOutbox.id, row.id)))
        .run()
    }
  }
  return { sent, failed }
}
