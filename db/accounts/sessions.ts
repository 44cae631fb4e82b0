import { and, eq, ne } from 'drizzle-orm'
import type { Db } from '../client'
import { day, hour, type Clock } from '../clock'
import type { Actor } from '../permissions'
import { groupMembers, organisationMembers, sessions, userRoles, users, type StaffRole } from '../schema'
import { hashToken, newToken } from './secrets'

/** Idle expiry: a week for volunteers and editors, 12 hours for staff; absolute 30 days. */
export const idleFor = (roles: StaffRole[]) => (roles.length > 0 ? 12 * hour : 7 * day)
export const absoluteLifetime = 30 * day

export type SessionUser = Actor & { email: string; name: string; locale: string }
export type ValidSession = { id: string; user: SessionUser; endsAt: Date }

export function staffRolesOf(db: Db, userId: string): StaffRole[] {
  return db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).all().map((row) => row.role).sort()
}

export function actorOf(db: Db, userId: string): Actor {
  const memberships = db
    .select({ organisationId: organisationMembers.organisationId, role: organisationMembers.role })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId))
    .all()
  const led = db
    .select({ groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(and(eq(groupMembers.userId, userId), eq(groupMembers.role, 'lead'), eq(groupMembers.state, 'active')))
    .all()
  return {
    id: userId,
    roles: staffRolesOf(db, userId),
    organisations: Object.fromEntries(memberships.map((m) => [m.organisationId, m.role])),
    leads: led.map((row) => row.groupId),
  }
}

/** A new session for a confirmed account; returns the token for the cookie (never stored). */
export function createSession(db: Db, userId: string, device: string, clock: Clock): { token: string; endsAt: Date } {
  const token = newToken()
  const now = clock.now()
  const endsAt = new Date(now.getTime() + absoluteLifetime)
  const idle = new Date(Math.min(now.getTime() + idleFor(staffRolesOf(db, userId)), endsAt.getTime()))
  db.insert(sessions)
    .values({
      id: hashToken(token),
      userId,
      device: device.slice(0, 80),
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: idle.toISOString(),
      endsAt: endsAt.toISOString(),
    })
    .run()
  return { token, endsAt }
}

/**
 * The session a cookie's token names, if it is still valid. The idle expiry slides: once
 * half of it is spent, it is renewed (never beyond the absolute end). Expired sessions
 * are deleted when met.
 */
export function validateSession(db: Db, token: string, clock: Clock): ValidSession | null {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const id = hashToken(token)
  const row = db
    .select({
      userId: sessions.userId,
      expiresAt: sessions.expiresAt,
      endsAt: sessions.endsAt,
      email: users.email,
      name: users.name,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .get()
  if (!row) return null
  const now = clock.now().getTime()
  const expiresAt = Date.parse(row.expiresAt)
  const endsAt = Date.parse(row.endsAt)
  if (now >= expiresAt || now >= endsAt) {
    db.delete(sessions).where(eq(sessions.id, id)).run()
    return null
  }
  const actor = actorOf(db, row.userId)
  const idle = idleFor(actor.roles)
  if (expiresAt - now < idle / 2) {
    db.update(sessions)
      .set({ expiresAt: new Date(Math.min(now + idle, endsAt)).toISOString(), lastSeenAt: new Date(now).toISOString() })
      .where(eq(sessions.id, id))
      .run()
  }
  return { id, user: { ...actor, email: row.email, name: row.name, locale: row.locale }, endsAt: new Date(endsAt) }
}

export function deleteSession(db: Db, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run()
}

/** Ends every session of a person, or every one but `except` (the session in use). */
export function deleteSessionsOf(db: Db, userId: string, except?: string): number {
  const condition = except ? and(eq(sessions.userId, userId), ne(sessions.id, except)) : eq(sessions.userId, userId)
  return db.delete(sessions).where(condition).run().changes
}

export function listSessions(db: Db, userId: string) {
  return db
    .select({ id: sessions.id, device: sessions.device, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(sessions.lastSeenAt)
    .all()
    .reverse()
}

/** "Firefox on Android": enough to recognise a device, too coarse to track one. */
export function deviceLabel(userAgent: string | null): string {
  const ua = userAgent ?? ''
  const browser = browsers.find(([pattern]) => pattern.test(ua))?.[1] ?? 'Browser'
  const system = systems.find(([pattern]) => pattern.test(ua))?.[1]
  return system ? `${browser} · ${system}` : browser
}

const browsers: Array<[RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
]
const systems: Array<[RegExp, string]> = [
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
]

/** Ends one session of this person; another person's session id changes nothing. */
export function deleteOwnSession(db: Db, userId: string, sessionId: string): boolean {
  return db.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId))).run().changes > 0
}
