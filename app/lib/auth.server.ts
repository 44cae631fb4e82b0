import { redirect } from '@remix-run/node'
import { createSession, deleteSession, deviceLabel, validateSession, type ValidSession } from '../../db/accounts/sessions'
import { systemClock } from '../../db/clock'
import type { Context } from '../../db/commands/run'
import { can, Forbidden, type Permission, type Target } from '../../db/permissions'
import { commandContext } from '../../search/context'
import type { Locale } from '../i18n'
import { getDb } from './db.server'
import { env } from './env.server'

/** `__Host-` and Secure when the site is served over https, as DESIGN says. */
function cookieName(): { name: string; secure: boolean } {
  const secure = env().PUBLIC_URL.startsWith('https:')
  return { name: secure ? '__Host-treffpunkt' : 'treffpunkt', secure }
}

function readToken(request: Request): string | null {
  const header = request.headers.get('cookie')
  if (!header) return null
  const { name } = cookieName()
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}

/** Whether the request carries a session cookie: its pages are personal and must not be cached by others. */
export function hasSessionCookie(request: Request): boolean {
  return readToken(request) !== null
}

/** The signed-in person's session, or null for an anonymous visitor (who never gets a cookie). */
export function getSession(request: Request): ValidSession | null {
  const token = readToken(request)
  return token ? validateSession(getDb(), token, systemClock) : null
}

export function sessionCookie(token: string, endsAt: Date): string {
  const { name, secure } = cookieName()
  return `${name}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${endsAt.toUTCString()}${secure ? '; Secure' : ''}`
}

export function clearSessionCookie(): string {
  const { name, secure } = cookieName()
  return `${name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`
}

/**
 * Signs a person in with a new session (a session from before, if any, ends: no fixation)
 * and answers with a redirect that sets its cookie.
 */
export function startSession(request: Request, userId: string, to: string): Response {
  const previous = getSession(request)
  if (previous) deleteSession(getDb(), previous.id)
  const { token, endsAt } = createSession(getDb(), userId, deviceLabel(request.headers.get('user-agent')), systemClock)
  return redirect(to, { headers: { 'Set-Cookie': sessionCookie(token, endsAt), 'Cache-Control': 'no-store' } })
}

/** Only same-site paths: a `redirectTo` must never send a person to another site. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  return to
}

export function requireSession(request: Request, lng: Locale): ValidSession {
  const session = getSession(request)
  if (!session) {
    const url = new URL(request.url)
    throw redirect(`/${lng}/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
  }
  return session
}

/** The session of a person who may do `permission`; 403 for everyone else. */
export function requirePermission(request: Request, lng: Locale, permission: Permission, target?: Target): ValidSession {
  const session = requireSession(request, lng)
  if (!can(session.user, permission, target)) throw forbidden()
  return session
}

export function forbidden(): Response {
  return new Response('Forbidden', { status: 403 })
}

/** Commands on behalf of the request's person (or nobody). */
export function commands(session: ValidSession | null): Context {
  return commandContext(getDb(), session?.user ?? null, systemClock)
}

/** Runs a command; a refused permission becomes 403 (the matrix test counts on it). */
export async function guarded<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof Forbidden) throw forbidden()
    throw error
  }
}
