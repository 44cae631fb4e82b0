import { systemClock } from '../db/clock'
import type { Db } from '../db/client'
import { commit } from '../db/commands/run'
import { addMember, createConfirmedUser } from '../db/commands/users'
import { writeInstallation } from '../db/installation'
import { commandContext } from '../search/context'

/** One demo account per role, listed with their passwords in the README. Only with the demo seed. */
export const demoAccounts = [
  { email: 'admin@lindenfeld.example', name: 'Alex Admin', password: 'Sonnenblume-Rathaus-17', role: 'admin', locale: 'de' },
  { email: 'koordination@lindenfeld.example', name: 'Kim Koordination', password: 'Brueckenbau-Wochenmarkt-23', role: 'coordinator', locale: 'de' },
  { email: 'leitung@caritas-lindenfeld.example', name: 'Olga Leitung', password: 'Teekanne-Beratung-Nord-31', role: 'volunteer', locale: 'uk', organisations: { 'caritas-migrationsberatung': 'owner', 'quartierbuero-weststadt': 'owner' } },
  { email: 'redaktion@caritas-lindenfeld.example', name: 'Rami Redaktion', password: 'Leuchtturm-Schreibtisch-42', role: 'volunteer', locale: 'ar', organisations: { 'caritas-migrationsberatung': 'editor', 'quartierbuero-weststadt': 'editor' } },
  { email: 'ehrenamt@lindenfeld.example', name: 'Vera Ehrenamt', password: 'Fahrrad-Sprachcafe-58', role: 'volunteer', locale: 'fa' },
] as const

export async function seedDemoAccounts(db: Db): Promise<number> {
  const context = commandContext(db, null, systemClock)
  let created = 0
  for (const account of demoAccounts) {
    const outcome = await createConfirmedUser(context, { email: account.email, name: account.name, password: account.password, role: account.role, locale: account.locale })
    if (!outcome.ok) throw new Error(`demo account ${account.email}: ${JSON.stringify(outcome.errors)}`)
    created++
    for (const [organisation, as] of Object.entries('organisations' in account ? account.organisations : {})) {
      addMember(context, { organisation, userId: outcome.value.userId, as })
    }
  }
  return created
}

/** The demo municipality's entries for the imprint, privacy page and accessibility statement. */
export function seedDemoInstallation(db: Db): void {
  const context = commandContext(db, null, systemClock)
  commit(context, (tx, effects) => {
    writeInstallation(
      tx,
      {
        municipality: { de: 'Stadt Lindenfeld', en: 'Town of Lindenfeld', ar: 'مدينة ليندنفلد', fa: 'شهر لیندنفلد', uk: 'Місто Лінденфельд', ru: 'Город Линденфельд', tr: 'Lindenfeld Belediyesi' },
        operator: { de: 'Stadt Lindenfeld, Integrationsmanagement' },
        address: 'Marktplatz 1, 12345 Lindenfeld',
        email: 'treffpunkt@lindenfeld.example',
        phone: '+49 1234 5678-0',
        privacyContact: 'datenschutz@lindenfeld.example',
        accessibilityContact: 'barrierefrei@lindenfeld.example',
      },
      systemClock.now().toISOString(),
    )
    effects.audit({ action: 'settings.update', subjectType: 'settings', subjectId: 'installation' })
  })
}
