import { readInstallation } from '../../db/installation'
import type { Locale } from '../i18n'
import { getDb } from './db.server'
import { env } from './env.server'

/** Who runs this board, in the reader's locale where given, else German. */
export function installationFor(lng: Locale) {
  const settings = readInstallation(getDb())
  const pick = (texts: Partial<Record<string, string>>) => texts[lng] || texts.de || ''
  return {
    municipality: pick(settings.municipality),
    operator: pick(settings.operator),
    address: settings.address,
    email: settings.email,
    phone: settings.phone,
    privacyContact: settings.privacyContact || settings.email,
    accessibilityContact: settings.accessibilityContact || settings.email,
    unconfirmedDays: env().UNCONFIRMED_ACCOUNT_DAYS,
  }
}
