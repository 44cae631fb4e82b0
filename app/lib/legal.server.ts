import type { Params } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { readInstallation } from '../../db/installation'
import type { Locale } from '../i18n'
import { getDb } from './db.server'
import { env } from './env.server'
import { site } from './site.server'

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

/** The loader of a legal page: its title and who runs the board, in the reader's locale. */
export function legalPageLoader(title: (t: TFunction) => string) {
  return async ({ params }: { params: Params }) => {
    const { lng, t } = await site(params)
    return { lng, title: title(t), installation: installationFor(lng) }
  }
}
