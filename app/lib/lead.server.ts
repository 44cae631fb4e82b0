import { and, asc, eq, ne } from 'drizzle-orm'
import { helpLanguages } from '../../db/commands/form-fields'
import { validUntilFor } from '../../db/commands/checks'
import { monthWeeks, scheduleFrequencies } from '../../db/commands/group-form'
import { leadsOf, membersOf, noShowPrompt } from '../../db/commands/group-members'
import { moveOffer, transitionStatus } from '../../db/commands/group-transitions'
import { pastSessions, upcomingSessions } from '../../db/commands/groups'
import type { Db } from '../../db/client'
import { can, type Actor } from '../../db/permissions'
import { groupKinds, weekdays, workingGroups } from '../../db/schema'
import type { GroupFormOptions, GroupValues } from '../components/group-form'
import type { Locale } from '../i18n'
import { formatDate, formatMeetingDay, languageName, weekdayName } from './format'
import { serverT } from './i18n.server'
import { labels } from './site.server'
import { pickText } from './text'

/** Checkbox groups of the group form and the transition form. */
export const groupLists = ['languages', 'successors'] as const

/** The choices of the group form, in the reader's language. */
export async function groupFormOptions(lng: Locale): Promise<GroupFormOptions> {
  const t = await serverT(lng)
  return {
    kinds: groupKinds.map((k) => ({ value: k, label: t(`common:groupKind.${k}`) })),
    districts: labels(lng).districts.map((d) => ({ value: d.id, label: d.name })),
    languages: helpLanguages.map((tag) => ({ value: tag, label: languageName(tag, lng) })),
    frequencies: scheduleFrequencies.map((f) => ({ value: f, label: t(`volunteering:lead.form.frequency.${f}`) })),
    weekdays: weekdays.map((w) => ({ value: w, label: weekdayName(w, lng) })),
    weeks: monthWeeks.map((w) => ({ value: w, label: t(`volunteering:lead.form.week.${w === '-1' ? 'last' : `n${w}`}`) })),
  }
}

export function groupValues(row: typeof workingGroups.$inferSelect): GroupValues {
  return {
    kind: row.kind,
    name: row.name,
    description: row.description,
    place: row.place ?? '',
    district: row.districtId ?? '',
    languages: row.languages,
    open: String(row.open),
    requiresCheck: row.requiresCheck ? 'on' : '',
    capacity: row.capacity === null ? '' : String(row.capacity),
    minimum: row.minimum === null ? '' : String(row.minimum),
    schedule: {
      frequency: row.schedule?.frequency ?? 'none',
      weekday: row.schedule?.weekday ?? '',
      week: row.schedule?.week === undefined ? '' : String(row.schedule.week),
      start: row.schedule?.start ?? '',
      end: row.schedule?.end ?? '',
      from: row.schedule?.from ?? '',
      except: (row.schedule?.except ?? []).join('\n'),
    },
  }
}

const nameIn = (name: Record<string, string>, lng: Locale) => pickText(name, lng, 'de')?.text ?? ''

/** Everything the lead's page shows besides the form, each part read with the person's permission. */
export function leadPage(db: Db, actor: Actor, group: { id: string; requiresCheck: boolean }, lng: Locale, today: string, now: Date) {
  const groupId = group.id
  const { requiresCheck } = group
  const listed = membersOf(db, actor, groupId)
  // In a group that works with children, leads see until when each member may: no more of the check.
  const checks = requiresCheck ? validUntilFor(db, listed.map((m) => m.userId), today) : new Map<string, string | null>()
  const members = listed.map((m) => {
    const validUntil = checks.get(m.userId)
    return {
      ...m,
      speaks: m.speaks.map((tag) => languageName(tag, lng)),
      writes: m.writes.map((tag) => languageName(tag, lng)),
      talk: m.noShows >= noShowPrompt,
      check: validUntil ? formatDate(validUntil, lng) : null,
    }
  })
  const status = transitionStatus(db, actor, groupId)
  const groupNames = new Map(db.select({ id: workingGroups.id, name: workingGroups.name }).from(workingGroups).all().map((g) => [g.id, nameIn(g.name, lng)]))
  return {
    requiresCheck,
    coordinator: can(actor, 'group:create:any'),
    leads: leadsOf(db, actor, groupId),
    sessions: upcomingSessions(db, actor, groupId, today).map((s) => ({ ...s, label: formatMeetingDay(s.date, lng) })),
    requests: members.filter((m) => m.state === 'requested'),
    members: members.filter((m) => m.state === 'active'),
    past: pastSessions(db, actor, groupId, now).map((s) => ({ ...s, label: formatMeetingDay(s.date, lng) })),
    transition: status && {
      moved: status.moved.map((m) => ({ ...m, successor: groupNames.get(m.successor) ?? m.successor })),
      declined: status.declined,
      open: status.open,
    },
  }
}

/** Groups a closing group can name as successors: the active ones but itself. */
export function successorOptions(db: Db, groupId: string, lng: Locale) {
  return db
    .select({ id: workingGroups.id, name: workingGroups.name })
    .from(workingGroups)
    .where(and(eq(workingGroups.state, 'active'), ne(workingGroups.id, groupId)))
    .orderBy(asc(workingGroups.id))
    .all()
    .map((g) => ({ value: g.id, label: nameIn(g.name, lng) }))
}

/** The member's side of a transition, with names in the reader's language. */
export function moveView(db: Db, actor: Actor, groupId: string, lng: Locale) {
  const offer = moveOffer(db, actor, groupId)
  if (!offer) return undefined
  const movedTo = offer.movedTo ? db.select({ name: workingGroups.name }).from(workingGroups).where(eq(workingGroups.id, offer.movedTo)).get() : undefined
  return {
    group: { id: offer.group.id, name: pickText(offer.group.name, lng, 'de')! },
    message: offer.message,
    answer: offer.answer,
    movedTo: offer.movedTo && movedTo ? { id: offer.movedTo, name: nameIn(movedTo.name, lng) } : null,
    successors: offer.successors.map((s) => ({ id: s.id, name: pickText(s.name, lng, 'de')!, open: s.open })),
  }
}
