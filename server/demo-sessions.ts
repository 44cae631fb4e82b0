import { eq } from 'drizzle-orm'
import { actorOf } from '../db/accounts/sessions'
import { hashToken } from '../db/accounts/secrets'
import type { Db } from '../db/client'
import { systemClock } from '../db/clock'
import { recordCheck } from '../db/commands/checks'
import { joinGroup, signUp } from '../db/commands/sessions'
import { commit } from '../db/commands/run'
import { addDays, addMonths, todayInBerlin } from '../db/dates'
import { groupForSessions, upcomingSessions } from '../db/queries/sessions'
import { feedTokens, sessionSignups, users, workingGroups } from '../db/schema'
import { commandContext } from '../search/context'

/** The café whose sessions fill up in the demo, and how many places it has. */
export const demoCafe = { id: 'cafe-bahnhof', capacity: 3 }
/** The demo volunteer's one-click link and calendar address: public knowledge, like the demo passwords. */
export const demoSignupToken = 'demo-signup-ehrenamt-2026'
export const demoFeedToken = 'demo-feed-ehrenamt-2026'

/**
 * The session the demo fills: the café's first meeting at least two days ahead, so that
 * the reminder (sent the day before) has not replaced the demo link on the day of seeding.
 */
export function demoSessionDay(db: Db, today = todayInBerlin()): string {
  return upcomingSessions(db, groupForSessions(db, demoCafe.id)!, addDays(today, 2), 1)[0].date
}

/**
 * Volunteering in the demo: the café gets a small capacity, the demo volunteer joins two
 * groups and takes a place in the café's next session, two more accounts fill it, and the
 * administrator waits first on the list. Through the commands, without e-mail: nobody asked.
 */
export function seedDemoSessions(db: Db): { sessions: number; signups: number } {
  const system = commandContext(db, null, systemClock)
  commit(system, (tx, effects) => {
    tx.update(workingGroups).set({ capacity: demoCafe.capacity }).where(eq(workingGroups.id, demoCafe.id)).run()
    effects.audit({ action: 'group.update', subjectType: 'group', subjectId: demoCafe.id, reason: 'demo' })
  })
  const as = (email: string) => {
    const user = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()
    if (!user) throw new Error(`demo sessions: no account ${email}`)
    return commandContext(db, actorOf(db, user.id), systemClock)
  }
  const volunteer = as('ehrenamt@lindenfeld.example')
  const day = demoSessionDay(db)
  const second = upcomingSessions(db, groupForSessions(db, 'ak-sprache')!, addDays(todayInBerlin(), 2), 1)[0].date
  for (const group of [demoCafe.id, 'ak-sprache']) joinGroup(volunteer, group)
  const outcomes = [
    signUp(volunteer, demoCafe.id, day),
    signUp(volunteer, 'ak-sprache', second),
    signUp(as('leitung@caritas-lindenfeld.example'), demoCafe.id, day),
    signUp(as('redaktion@caritas-lindenfeld.example'), demoCafe.id, day),
    signUp(as('admin@lindenfeld.example'), demoCafe.id, day),
  ]
  const failed = outcomes.find((outcome) => !outcome.ok)
  if (failed) throw new Error(`demo sessions: ${JSON.stringify(failed)}`)
  commit(system, (tx) => {
    const userId = volunteer.actor!.id
    const signup = tx.select({ id: sessionSignups.id }).from(sessionSignups).where(eq(sessionSignups.userId, userId)).orderBy(sessionSignups.id).limit(1).get()!
    tx.update(sessionSignups).set({ tokenHash: hashToken(demoSignupToken) }).where(eq(sessionSignups.id, signup.id)).run()
    tx.insert(feedTokens).values({ userId, tokenHash: hashToken(demoFeedToken), createdAt: systemClock.now().toISOString() }).run()
  })
  seedDemoCheck(db, as('koordination@lindenfeld.example'), volunteer.actor!.id)
  return { sessions: 2, signups: outcomes.length }
}

/** The group that works with children requires the check; the demo volunteer's was seen three years ago. */
export const demoCheckGroup = 'ak-kinder-familie'

function seedDemoCheck(db: Db, coordinator: ReturnType<typeof commandContext>, volunteerId: string) {
  commit(commandContext(db, null, systemClock), (tx, effects) => {
    tx.update(workingGroups).set({ requiresCheck: true }).where(eq(workingGroups.id, demoCheckGroup)).run()
    effects.audit({ action: 'group.update', subjectType: 'group', subjectId: demoCheckGroup, reason: 'demo' })
  })
  const seen = addMonths(todayInBerlin(), -36)
  const recorded = recordCheck(coordinator, volunteerId, { seen: 'on', certificateDate: seen, conviction: 'no', briefingDate: seen })
  if (!recorded.ok) throw new Error(`demo check: ${JSON.stringify(recorded)}`)
}
