import fs from 'node:fs'
import { demoAccounts, demoUserId } from '../accounts'
import { demo, demoSessionDay } from '../fixtures'

export const actors = ['anonymous', 'volunteer', 'editor', 'owner', 'coordinator', 'admin'] as const
export type ActorName = (typeof actors)[number]

type Expect = number | Partial<Record<ActorName | 'signedIn', number>>
export type RouteRow = { file: string; path: string; GET: Expect; POST: Expect; freshSession?: boolean }

const posting = demo.postings.find((p) => p.status === 'published' && !p.validUntil)!
const token = 'A'.repeat(32)
/** The link of the demo answer to caritas-migrationsberatung (server/demo-conversations.ts). */
const demoConversationToken = 'demo-conversation-caritas-2026'
const toLogin = { anonymous: 302, signedIn: 200 }
const signedInOnly = { anonymous: 302, signedIn: 400 }
const ownerOrCoordinator = { anonymous: 302, coordinator: 200, signedIn: 403 }
const ownerOrCoordinatorPost = { anonymous: 302, coordinator: 400, signedIn: 403 }
/** Owners and editors of the organisation in the URL (the demo owner and editor share one). */
const membersOnly = { anonymous: 302, owner: 200, editor: 200, signedIn: 403 }
const membersOnlyPost = { anonymous: 302, owner: 400, editor: 400, signedIn: 403 }
const nobodyHere = { anonymous: 302, signedIn: 403 }

/**
 * Every route module with a sample URL and the status each actor gets for GET and POST.
 * `signedIn` stands for every actor but `anonymous`. A route file without a row fails the
 * matrix test, so a new route cannot ship without saying who may use it.
 */
export const routeTable: RouteRow[] = [
  { file: '_index.tsx', path: '/', GET: 302, POST: 405 },
  { file: '$lng.$.tsx', path: '/de/nowhere/at-all', GET: 404, POST: 405 },
  { file: '$lng._index.tsx', path: '/de', GET: 200, POST: 405 },
  { file: '$lng.offers.tsx', path: '/ar/offers', GET: 200, POST: 405 },
  { file: '$lng.needs.tsx', path: '/de/needs', GET: 200, POST: 405 },
  { file: '$lng.postings.$id.tsx', path: `/de/postings/${posting.id}`, GET: 200, POST: 405 },
  { file: '$lng.organisations._index.tsx', path: '/de/organisations', GET: 200, POST: 405 },
  { file: '$lng.organisations.$id.tsx', path: `/de/organisations/${demo.organisations[0].id}`, GET: 200, POST: 405 },
  { file: '$lng.groups._index.tsx', path: '/de/groups', GET: 200, POST: 405 },
  { file: '$lng.groups.$id.tsx', path: `/de/groups/${demo.workingGroups[0].id}`, GET: 200, POST: 405 },
  { file: '$lng.categories.$id.tsx', path: '/de/categories/language', GET: 200, POST: 405 },
  { file: '$lng.districts.$id.tsx', path: '/de/districts/oststadt', GET: 200, POST: 405 },
  { file: '$lng.search.tsx', path: '/de/search?q=kurs', GET: 200, POST: 405 },
  { file: 'api.search.ts', path: '/api/search?q=kurs', GET: 200, POST: 405 },
  { file: 'healthz.ts', path: '/healthz', GET: 200, POST: 405 },
  { file: '$lng.signup.tsx', path: '/de/signup', GET: 200, POST: 400 },
  { file: '$lng.login.tsx', path: '/de/login', GET: { anonymous: 200, signedIn: 302 }, POST: { anonymous: 400, signedIn: 302 } },
  { file: '$lng.logout.tsx', path: '/de/logout', GET: 405, POST: 302, freshSession: true },
  { file: '$lng.confirm.$token.tsx', path: `/de/confirm/${token}`, GET: 200, POST: 400 },
  { file: '$lng.reset._index.tsx', path: '/de/reset', GET: 200, POST: 400 },
  { file: '$lng.reset.$token.tsx', path: `/de/reset/${token}`, GET: 200, POST: 400 },
  { file: '$lng.account._index.tsx', path: '/de/account', GET: toLogin, POST: signedInOnly },
  { file: '$lng.account.export.tsx', path: '/de/account/export', GET: toLogin, POST: 405 },
  { file: '$lng.account.delete.tsx', path: '/de/account/delete', GET: toLogin, POST: signedInOnly },
  { file: '$lng.manage._index.tsx', path: '/de/manage', GET: toLogin, POST: 405 },
  // The demo owner owns this one; the demo editor edits it.
  { file: '$lng.manage.organisations.$id_.members.tsx', path: '/de/manage/organisations/caritas-migrationsberatung/members', GET: { ...ownerOrCoordinator, owner: 200 }, POST: { ...ownerOrCoordinatorPost, owner: 400 } },
  // … and neither has anything to do with this one.
  { file: '$lng.manage.organisations.$id_.members.tsx', path: '/de/manage/organisations/diakonie-mbe/members', GET: ownerOrCoordinator, POST: ownerOrCoordinatorPost },
  // Postings and profiles: members of caritas-migrationsberatung only; diakonie-mbe is nobody's here.
  { file: '$lng.manage.postings.new.tsx', path: '/de/manage/postings/new?organisation=caritas-migrationsberatung', GET: membersOnly, POST: membersOnlyPost },
  { file: '$lng.manage.postings.new.tsx', path: '/ar/manage/postings/new?organisation=diakonie-mbe', GET: nobodyHere, POST: nobodyHere },
  { file: '$lng.manage.postings.$id.tsx', path: '/de/manage/postings/p-154', GET: membersOnly, POST: membersOnlyPost },
  { file: '$lng.manage.postings.$id.tsx', path: '/de/manage/postings/p-119', GET: nobodyHere, POST: nobodyHere },
  { file: '$lng.manage.organisations.new.tsx', path: '/de/manage/organisations/new', GET: toLogin, POST: signedInOnly },
  { file: '$lng.manage.organisations.$id.tsx', path: '/fa/manage/organisations/caritas-migrationsberatung', GET: membersOnly, POST: membersOnlyPost },
  { file: '$lng.manage.organisations.$id.tsx', path: '/de/manage/organisations/diakonie-mbe', GET: nobodyHere, POST: nobodyHere },
  { file: '$lng.volunteer.tsx', path: '/de/volunteer', GET: toLogin, POST: signedInOnly },
  { file: '$lng.invitations.$token.tsx', path: `/de/invitations/${token}`, GET: 200, POST: { anonymous: 302, signedIn: 400 } },
  { file: '$lng.admin.users.tsx', path: '/de/admin/users', GET: { anonymous: 302, admin: 200, signedIn: 403 }, POST: { anonymous: 302, admin: 400, signedIn: 403 } },
  { file: '$lng.admin.settings.tsx', path: '/de/admin/settings', GET: { anonymous: 302, admin: 200, signedIn: 403 }, POST: { anonymous: 302, admin: 400, signedIn: 403 } },
  // Coordinators keep the taxonomy; the demo admin holds the admin role only.
  { file: '$lng.admin.taxonomy.tsx', path: '/de/admin/taxonomy', GET: { anonymous: 302, coordinator: 200, signedIn: 403 }, POST: { anonymous: 302, coordinator: 400, signedIn: 403 } },
  // Moderation: anyone reports (an empty form is rejected, and rejected reports never count
  // against the address's limit; `$id_` keeps the page out of the posting's layout);
  // coordinators decide and read the log.
  { file: '$lng.postings.$id_.report.tsx', path: `/de/postings/${posting.id}/report`, GET: 200, POST: 400 },
  { file: '$lng.organisations.$id_.report.tsx', path: `/ar/organisations/${demo.organisations[0].id}/report`, GET: 200, POST: 400 },
  { file: '$lng.moderation._index.tsx', path: '/de/moderation', GET: { anonymous: 302, coordinator: 200, signedIn: 403 }, POST: { anonymous: 302, coordinator: 400, signedIn: 403 } },
  { file: '$lng.moderation.audit.tsx', path: '/de/moderation/audit?subject=organisation:caritas-migrationsberatung', GET: { anonymous: 302, coordinator: 200, signedIn: 403 }, POST: 405 },
  // Seeded decisions (server/prepare.ts): 1 is about caritas-migrationsberatung, 2 about diakonie-mbe;
  // only the members of the decided organisation may read and answer, whatever the id.
  { file: '$lng.manage.decisions.$id.tsx', path: '/de/manage/decisions/1', GET: membersOnly, POST: membersOnlyPost },
  { file: '$lng.manage.decisions.$id.tsx', path: '/uk/manage/decisions/2', GET: nobodyHere, POST: nobodyHere },
  { file: '$lng.manage.decisions.$id.tsx', path: '/de/manage/decisions/999999', GET: nobodyHere, POST: nobodyHere },
  // Answers: anyone answers a visible posting (an empty form is a 400); the visitor's side opens by its link alone.
  { file: '$lng.postings.$id_.respond.tsx', path: `/de/postings/${posting.id}/respond`, GET: 200, POST: 400 },
  { file: '$lng.conversations.$token.tsx', path: `/de/conversations/${demoConversationToken}`, GET: 200, POST: 400 },
  { file: '$lng.conversations.$token.tsx', path: `/ar/conversations/${token}`, GET: 404, POST: 404 },
  { file: '$lng.manage.inbox.tsx', path: '/de/manage/inbox', GET: toLogin, POST: 405 },
  // The demo answer to caritas-migrationsberatung: its owner and editor only; coordinators and admins read no inbox.
  { file: '$lng.manage.conversations.$id.tsx', path: '/de/manage/conversations/demo-caritas', GET: { anonymous: 302, owner: 200, editor: 200, signedIn: 403 }, POST: { anonymous: 302, owner: 400, editor: 400, signedIn: 403 } },
  // … and the one to diakonie-mbe, whose ids the demo editor knows but may not use.
  { file: '$lng.manage.conversations.$id.tsx', path: '/fa/manage/conversations/demo-diakonie', GET: { anonymous: 302, signedIn: 403 }, POST: { anonymous: 302, signedIn: 403 } },
  // Finding volunteers and keeping the skills list: coordinators only.
  { file: '$lng.manage.volunteers.tsx', path: '/de/manage/volunteers?language=fa&availability=tue-morning', GET: ownerOrCoordinator, POST: ownerOrCoordinatorPost },
  // One volunteer's profile and check before work with children: coordinators only (the path is read once the server has seeded).
  {
    file: '$lng.manage.volunteers_.$id.tsx',
    get path() {
      return `/de/manage/volunteers/${demoUserId(demoAccounts.volunteer.email)}`
    },
    GET: ownerOrCoordinator,
    POST: ownerOrCoordinatorPost,
  },
  { file: '$lng.manage.volunteers_.$id.tsx', path: '/ar/manage/volunteers/no-such-person', GET: { anonymous: 302, coordinator: 404, signedIn: 403 }, POST: { anonymous: 302, coordinator: 404, signedIn: 403 } },
  // A group's announcements: its active members read, its leads and coordinators also write (no demo
  // account is a member or lead of ak-eichenau; coordinators run every group); an unknown group is 404.
  { file: '$lng.groups.$id_.announcements.tsx', path: '/de/groups/ak-eichenau/announcements', GET: ownerOrCoordinator, POST: ownerOrCoordinatorPost },
  { file: '$lng.groups.$id_.announcements.tsx', path: '/ar/groups/no-such-group/announcements', GET: { anonymous: 302, signedIn: 404 }, POST: { anonymous: 302, signedIn: 404 } },
  // Sessions (server/demo-sessions.ts seeds the café's session, the demo volunteer's link and feed):
  // anyone reads; signing up, cancelling and joining need a session (an empty form is a 400).
  { file: '$lng.groups.$id_.sessions.$date.tsx', path: `/de/groups/cafe-bahnhof/sessions/${demoSessionDay}`, GET: 200, POST: { anonymous: 302, signedIn: 400 } },
  { file: '$lng.groups.$id_.sessions.$date.tsx', path: '/fa/groups/cafe-bahnhof/sessions/2026-02-30', GET: 404, POST: 404 },
  { file: '$lng.groups.$id_.join.tsx', path: '/de/groups/ak-begleitung/join', GET: 200, POST: { anonymous: 302, signedIn: 400 } },
  { file: '$lng.groups.$id_.join.tsx', path: '/ar/groups/no-such-group/join', GET: 404, POST: 404 },
  // The one-click link of an e-mail acts by its secret alone, and only by its button.
  { file: '$lng.signups.$token.tsx', path: '/de/signups/demo-signup-ehrenamt-2026', GET: 200, POST: 400 },
  { file: '$lng.signups.$token.tsx', path: `/uk/signups/${token}`, GET: 404, POST: 404 },
  { file: 'api.groups.$id.sessions.ts', path: '/api/groups/cafe-bahnhof/sessions', GET: 200, POST: 405 },
  { file: 'api.groups.$id.sessions.ts', path: '/api/groups/cafe-bahnhof/sessions?from=2026-13-01', GET: 400, POST: 405 },
  { file: 'api.groups.$id.sessions.ts', path: '/api/groups/no-such-group/sessions', GET: 404, POST: 405 },
  { file: 'feeds.groups.$id[.]ics.ts', path: '/feeds/groups/cafe-bahnhof.ics', GET: 200, POST: 405 },
  { file: 'feeds.me.$token[.]ics.ts', path: '/feeds/me/demo-feed-ehrenamt-2026.ics', GET: 200, POST: 405 },
  { file: 'feeds.me.$token[.]ics.ts', path: `/feeds/me/${token}.ics`, GET: 404, POST: 405 },
  // Running groups: coordinators run every group (the demo coordinator also leads cafe-bahnhof,
  // server/prepare.ts); no other demo account leads one. An unknown group is 404 for coordinators.
  { file: '$lng.manage.groups.new.tsx', path: '/de/manage/groups/new', GET: ownerOrCoordinator, POST: ownerOrCoordinatorPost },
  { file: '$lng.manage.groups.$id.tsx', path: '/de/manage/groups/cafe-bahnhof', GET: ownerOrCoordinator, POST: ownerOrCoordinatorPost },
  { file: '$lng.manage.groups.$id.tsx', path: '/ar/manage/groups/ak-eichenau', GET: ownerOrCoordinator, POST: ownerOrCoordinatorPost },
  { file: '$lng.manage.groups.$id.tsx', path: '/de/manage/groups/no-such-group', GET: { anonymous: 302, coordinator: 404, signedIn: 403 }, POST: { anonymous: 302, coordinator: 404, signedIn: 403 } },
  // The member list as CSV: a download (GET only), for the same people.
  { file: '$lng.manage.groups.$id_.members[.]csv.ts', path: '/de/manage/groups/cafe-bahnhof/members.csv', GET: ownerOrCoordinator, POST: 405 },
  // A member's side of a transition: only for a closed group (none in the demo: 404 for everyone signed in).
  { file: '$lng.groups.$id_.move.tsx', path: '/fa/groups/cafe-bahnhof/move', GET: { anonymous: 302, signedIn: 404 }, POST: { anonymous: 302, signedIn: 404 } },
  { file: '$lng.privacy.tsx', path: '/ar/privacy', GET: 200, POST: 405 },
  { file: '$lng.accessibility.tsx', path: '/de/accessibility', GET: 200, POST: 405 },
  { file: '$lng.imprint.tsx', path: '/fa/imprint', GET: 200, POST: 405 },
]

/** Route modules that are layouts only: no URL of their own. */
export const layouts = ['$lng.tsx']

export function expected(row: RouteRow, method: 'GET' | 'POST', actor: ActorName): number {
  const rule = row[method]
  if (typeof rule === 'number') return rule
  return rule[actor] ?? (actor === 'anonymous' ? undefined : rule.signedIn) ?? NaN
}

export function routeFiles(): string[] {
  return fs.readdirSync('app/routes').filter((file) => /\.tsx?$/.test(file) && !/\.test\./.test(file))
}
