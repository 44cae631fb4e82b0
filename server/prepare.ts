import type { Env } from '../app/lib/env.server'
import { and, eq } from 'drizzle-orm'
import { writeTransaction, type Db } from '../db/client'
import { systemClock } from '../db/clock'
import { commit } from '../db/commands/run'
import { moderationDecisions, users } from '../db/schema'
import { actorOf } from '../db/accounts/sessions'
import { setLead } from '../db/commands/group-members'
import { hasOrganisations, seedDemo } from '../db/seed/demo'
import { commandContext } from '../search/context'
import { indexIsCurrent, markIndexCurrent, reindex } from '../search/embedded/writer'
import { seedDemoAccounts, seedDemoInstallation } from './demo-accounts'
import { seedDemoConversations } from './demo-conversations'
import { seedDemoSessions } from './demo-sessions'

/**
 * Runs before the server listens (the database is already migrated): seeds a new
 * installation with the demo municipality and its demo accounts, and (re)builds the search
 * index when content exists without a current one (after an import or an upgrade).
 */
export async function prepare(env: Env, db: Db, log: (message: string) => void): Promise<void> {
  if (env.SEED_DEMO && !hasOrganisations(db)) {
    const started = performance.now()
    const counts = seedDemo(commandContext(db, null))
    // The import indexed every record it wrote, with today's normalize.
    writeTransaction(db, markIndexCurrent)
    const accounts = await seedDemoAccounts(db)
    seedDemoInstallation(db)
    seedDemoConversations(db)
    seedDemoSessions(db)
    seedDemoDecisions(db)
    seedDemoLead(db)
    log(
      `seeded the demo municipality (${counts.organisations.created} organisations, ${counts.postings.created} postings, ` +
        `${accounts} demo accounts) in ${Math.round(performance.now() - started)} ms`,
    )
  } else if (hasOrganisations(db) && !indexIsCurrent(db)) {
    writeTransaction(db, (tx) => reindex(tx, { all: true }))
    log('built the search index')
  }
}

/**
 * The coordinators' verification of two demo organisations, as decisions their members can
 * read at `/{lng}/manage/decisions/1` and `/2` (docs/decisions/011-appeal-page.md). Each
 * only once, whenever prepare runs.
 */
export function seedDemoDecisions(db: Db): void {
  commit(commandContext(db, null), (tx, effects) => {
    for (const organisation of ['caritas-migrationsberatung', 'diakonie-mbe']) {
      const where = and(eq(moderationDecisions.subjectType, 'organisation'), eq(moderationDecisions.subjectId, organisation), eq(moderationDecisions.action, 'verify'))
      if (tx.select({ id: moderationDecisions.id }).from(moderationDecisions).where(where).get()) continue
      const reason = 'Träger und Anschrift geprüft, als die Demo-Kommune eingerichtet wurde.'
      tx.insert(moderationDecisions).values({ subjectType: 'organisation', subjectId: organisation, action: 'verify', reason, decidedAt: systemClock.now().toISOString() }).run()
      effects.audit({ action: 'moderation.verify', subjectType: 'organisation', subjectId: organisation, reason })
    }
  })
}

/**
 * The demo coordinator also leads one café, so that the lead's page
 * (`/{lng}/manage/groups/cafe-bahnhof`) and the manage page's list have data. Once only.
 */
export function seedDemoLead(db: Db): void {
  const coordinator = db.select({ id: users.id }).from(users).where(eq(users.email, 'koordination@lindenfeld.example')).get()
  if (!coordinator || actorOf(db, coordinator.id).leads.includes('cafe-bahnhof')) return
  setLead(commandContext(db, actorOf(db, coordinator.id)), 'cafe-bahnhof', coordinator.id, true)
}
