import type { MemberRole, StaffRole } from './schema'

/** Who acts: a signed-in person with their roles, or nobody (an anonymous visitor, a job). */
export type Actor = {
  id: string
  roles: StaffRole[]
  /** Organisations this person looks after, with their role in each. */
  organisations: Record<string, MemberRole>
  /** Working groups and cafés this person leads. */
  leads: string[]
}

/**
 * Every permission, as a reader says it. The suffix names the scope: `own` is the
 * person's own account, `own-organisation` one they own or edit, `any` every record.
 */
export const permissions = [
  'account:update:own',
  'manage:view:own',
  'user:list:any',
  'role:grant:any',
  'settings:update:any',
  'organisation:invite:any',
  'organisation:invite-editor:owned',
  'organisation:members:owned',
  'organisation:members:any',
  'organisation:create:own',
  'organisation:update:own-organisation',
  'posting:create:own-organisation',
  'posting:update:own-organisation',
  'conversation:read:own-organisation',
  'moderation:appeal:own-organisation',
  'translation:submit:own',
  'moderation:view:any',
  'moderation:decide:any',
  'audit:view:any',
  'taxonomy:update:any',
  'group:join:own',
  'group:create:any',
  'group:lead:led',
  'group:announce:led',
  'volunteer:find:any',
  'check:record:any',
] as const
export type Permission = (typeof permissions)[number]

export type Target = { organisationId?: string; groupId?: string }

const isStaff = (actor: Actor, role: StaffRole) => actor.roles.includes(role)
const ownerOf = (actor: Actor, target?: Target) =>
  target?.organisationId !== undefined && actor.organisations[target.organisationId] === 'owner'
/** Owner or editor of the target organisation. */
const memberOf = (actor: Actor, target?: Target) =>
  target?.organisationId !== undefined && Object.hasOwn(actor.organisations, target.organisationId)

/** The one place that decides: every loader, action and command asks here. */
export function can(actor: Actor | null, permission: Permission, target?: Target): boolean {
  if (!actor) return false
  switch (permission) {
    case 'account:update:own':
    case 'manage:view:own':
    case 'organisation:create:own':
    case 'translation:submit:own':
    case 'group:join:own':
      return true
    case 'user:list:any':
    case 'role:grant:any':
    case 'settings:update:any':
      return isStaff(actor, 'admin')
    case 'organisation:invite:any':
    case 'organisation:members:any':
    case 'moderation:view:any':
    case 'moderation:decide:any':
    case 'audit:view:any':
    case 'taxonomy:update:any':
    case 'group:create:any':
    case 'volunteer:find:any':
    case 'check:record:any':
      return isStaff(actor, 'coordinator')
    // Coordinators run any group; a lead runs theirs.
    case 'group:lead:led':
    case 'group:announce:led':
      return isStaff(actor, 'coordinator') || (target?.groupId !== undefined && actor.leads.includes(target.groupId))
    case 'organisation:update:own-organisation':
    case 'posting:create:own-organisation':
    case 'posting:update:own-organisation':
    case 'conversation:read:own-organisation':
    case 'moderation:appeal:own-organisation':
      return memberOf(actor, target)
    case 'organisation:invite-editor:owned':
    case 'organisation:members:owned':
      return ownerOf(actor, target)
  }
}

/** Thrown by commands when the actor may not; routes answer it with 403. */
export class Forbidden extends Error {
  constructor(readonly permission: Permission) {
    super(`forbidden: ${permission}`)
  }
}

export function assertCan(actor: Actor | null, permission: Permission, target?: Target): asserts actor is Actor {
  if (!can(actor, permission, target)) throw new Forbidden(permission)
}

/** May see and change who belongs to an organisation: its owner, or any coordinator. */
export function canManageMembers(actor: Actor | null, organisationId: string): boolean {
  return can(actor, 'organisation:members:any') || can(actor, 'organisation:members:owned', { organisationId })
}
