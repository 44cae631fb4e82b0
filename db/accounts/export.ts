import { eq, or } from 'drizzle-orm'
import type { Db } from '../client'
import { receivedBy, sentBy } from '../queries/announcements'
import { auditLog, childProtectionChecks, conversations, feedTokens, groupMembers, groupSessions, messages, organisationMembers, organisations, sessionSignups, sessions, userRoles, users, volunteerProfiles } from '../schema'

/** Everything stored about a person, for `/account/export` (GDPR Art. 15 and 20). Never the password hash. */
export function exportPerson(db: Db, userId: string) {
  const user = db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, confirmedAt: users.confirmedAt, createdAt: users.createdAt, updatedAt: users.updatedAt })
    .from(users)
    .where(eq(users.id, userId))
    .get()
  return {
    format: 'treffpunkt/person-v1',
    account: user,
    roles: db.select({ role: userRoles.role, since: userRoles.createdAt }).from(userRoles).where(eq(userRoles.userId, userId)).all(),
    organisations: db
      .select({ id: organisations.id, name: organisations.name, role: organisationMembers.role, since: organisationMembers.createdAt })
      .from(organisationMembers)
      .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
      .where(eq(organisationMembers.userId, userId))
      .all(),
    sessions: db.select({ device: sessions.device, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.userId, userId)).all(),
    volunteer:
      db
        .select({ speaks: volunteerProfiles.speaks, writes: volunteerProfiles.writes, skills: volunteerProfiles.skills, districts: volunteerProfiles.districts, availability: volunteerProfiles.availability, reminders: volunteerProfiles.reminders, mailFrequency: volunteerProfiles.mailFrequency })
        .from(volunteerProfiles)
        .where(eq(volunteerProfiles.userId, userId))
        .get() ?? null,
    // Announcements this person received (in every language they were written in, and when they read them) and wrote.
    groups: db.select({ group: groupMembers.groupId, role: groupMembers.role, state: groupMembers.state, since: groupMembers.createdAt }).from(groupMembers).where(eq(groupMembers.userId, userId)).all(),
    signups: db
      .select({ group: groupSessions.groupId, date: groupSessions.date, start: groupSessions.start, state: sessionSignups.state, since: sessionSignups.queuedAt, attendance: sessionSignups.attendance })
      .from(sessionSignups)
      .innerJoin(groupSessions, eq(groupSessions.id, sessionSignups.sessionId))
      .where(eq(sessionSignups.userId, userId))
      .all(),
    // The check before work with children: the facts a coordinator recorded, nothing more exists.
    childProtectionCheck:
      db
        .select({ certificateDate: childProtectionChecks.certificateDate, relevantConviction: childProtectionChecks.conviction, briefingDate: childProtectionChecks.briefingDate, validUntil: childProtectionChecks.validUntil, recordedAt: childProtectionChecks.recordedAt, lastActivity: childProtectionChecks.lastActivity })
        .from(childProtectionChecks)
        .where(eq(childProtectionChecks.userId, userId))
        .get() ?? null,
    calendarFeedSince: db.select({ since: feedTokens.createdAt }).from(feedTokens).where(eq(feedTokens.userId, userId)).get()?.since ?? null,
    announcements: receivedBy(db, userId),
    announcementsSent: sentBy(db, userId),
    // Answers this person wrote to postings while signed in, with what they typed.
    conversations: db
      .select({ id: conversations.id, posting: conversations.postingId, name: conversations.visitorName, email: conversations.visitorEmail, phone: conversations.visitorPhone, createdAt: conversations.createdAt })
      .from(conversations)
      .where(eq(conversations.visitorUserId, userId))
      .all()
      .map((conversation) => ({
        ...conversation,
        messages: db.select({ author: messages.author, body: messages.body, at: messages.at }).from(messages).where(eq(messages.conversationId, conversation.id)).orderBy(messages.at).all(),
      })),
    activity: db
      .select({ at: auditLog.at, action: auditLog.action, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId })
      .from(auditLog)
      .where(or(eq(auditLog.actorId, userId), eq(auditLog.subjectId, userId)))
      .all(),
  }
}
