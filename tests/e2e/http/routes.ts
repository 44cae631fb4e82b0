import fs from 'node:fs'
import { demo } from '../fixtures'

export const actors = ['anonymous', 'volunteer', 'editor', 'owner', 'coordinator', 'admin'] as const
export type ActorName = (typeof actors)[number]

type Expect = number | Partial<Record<ActorName | 'signedIn', number>>
export type RouteRow = { file: string; path: string; GET: Expect; POST: Expect; freshSession?: boolean }

const posting = demo.postings.find((p) => p.status === 'published' && !p.validUntil)!
const token = 'A'.repeat(32)
const toLogin = { anonymous: 302, signedIn: 200 }
const signedInOnly = { anonymous: 302, signedIn: 400 }
const ownerOrCoordinator = { anonymous: 302, coordinator: 200, signedIn: 403 }
const ownerOrCoordinatorPost = { anonymous: 302, coordinator: 400, signedIn: 403 }

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
  { file: '$lng.manage.organisations.$id.members.tsx', path: '/de/manage/organisations/caritas-migrationsberatung/members', GET: { ...ownerOrCoordinator, owner: 200 }, POST: { ...ownerOrCoordinatorPost, owner: 400 } },
  // … and neither has anything to do with this one.
  { file: '$lng.manage.organisations.$id.members.tsx', path: '/de/manage/organisations/diakonie-mbe/members', GET: ownerOrCoordinator, POST: ownerOrCoordinatorPost },
  { file: '$lng.invitations.$token.tsx', path: `/de/invitations/${token}`, GET: 200, POST: { anonymous: 302, signedIn: 400 } },
  { file: '$lng.admin.users.tsx', path: '/de/admin/users', GET: { anonymous: 302, admin: 200, signedIn: 403 }, POST: { anonymous: 302, admin: 400, signedIn: 403 } },
  { file: '$lng.admin.settings.tsx', path: '/de/admin/settings', GET: { anonymous: 302, admin: 200, signedIn: 403 }, POST: { anonymous: 302, admin: 400, signedIn: 403 } },
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
