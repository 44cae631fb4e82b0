import { installationSchema, writeInstallation } from '../installation'
import { locales } from '../../locales'
import { assertCan } from '../permissions'
import { commit, fieldErrors, type Context, type Outcome } from './run'

/** Form fields (`municipality.de`, `operator.ar`, `email`, …) → the settings object. */
export function installationFromForm(values: Record<string, string>) {
  const perLocale = (name: string) => Object.fromEntries(locales.filter((lng) => values[`${name}.${lng}`]?.trim()).map((lng) => [lng, values[`${name}.${lng}`]]))
  return {
    municipality: perLocale('municipality'),
    operator: perLocale('operator'),
    address: values.address ?? '',
    email: values.email ?? '',
    phone: values.phone ?? '',
    privacyContact: values.privacyContact ?? '',
    accessibilityContact: values.accessibilityContact ?? '',
  }
}

/** An administrator edits who runs the board, as the legal pages show it. */
export function updateInstallation(context: Context, input: unknown): Outcome<null> {
  assertCan(context.actor, 'settings:update:any')
  const invalid = fieldErrors(installationSchema, input)
  if (invalid) return invalid
  const data = installationSchema.parse(input)
  return commit(context, (tx, effects) => {
    writeInstallation(tx, data, context.clock.now().toISOString())
    effects.audit({ action: 'settings.update', subjectType: 'settings', subjectId: 'installation' })
    return { ok: true, value: null }
  })
}
