import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { locales } from '../locales'
import type { Db } from './client'
import { controlCharacter } from './control-characters'
import { settings } from './schema'

const key = 'installation'

const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'manage:errors.tooLong' })
    .refine((value) => !controlCharacter.test(value), { error: 'account:errors.invalid' })
const optionalEmail = z.union([z.literal(''), z.string().trim().toLowerCase().pipe(z.email({ error: 'account:errors.emailInvalid' }))])
const perLocale = z.object(Object.fromEntries(locales.map((lng) => [lng, line(200)])) as Record<(typeof locales)[number], ReturnType<typeof line>>).partial()

/** What the imprint (§ 5 DDG), the privacy page and the accessibility statement say about who runs this board. */
export const installationSchema = z.object({
  municipality: perLocale.refine((names) => Boolean(names.de), { error: 'manage:errors.municipalityRequired', path: ['de'] }),
  operator: perLocale,
  address: line(500),
  email: optionalEmail,
  phone: line(50),
  privacyContact: optionalEmail,
  accessibilityContact: optionalEmail,
})
export type Installation = z.output<typeof installationSchema>

export const emptyInstallation: Installation = { municipality: {}, operator: {}, address: '', email: '', phone: '', privacyContact: '', accessibilityContact: '' }

export function readInstallation(db: Db): Installation {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()
  const parsed = installationSchema.safeParse(row?.value)
  return parsed.success ? parsed.data : emptyInstallation
}

/** Within the caller's transaction (commands/settings.ts). */
export function writeInstallation(tx: Db, value: Installation, at: string): void {
  tx.insert(settings).values({ key, value, updatedAt: at }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } }).run()
}
