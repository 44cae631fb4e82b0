import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { deleteSession } from '../../db/accounts/sessions'
import { clearSessionCookie, getSession } from '../lib/auth.server'
import { getDb } from '../lib/db.server'
import { discardBody } from '../lib/forms.server'
import { site } from '../lib/site.server'

/** Logging out is a POST: a link or an image elsewhere cannot sign anybody out. */
export function loader() {
  throw new Response('Method not allowed', { status: 405, headers: { Allow: 'POST' } })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  await discardBody(request)
  const session = getSession(request)
  if (session) deleteSession(getDb(), session.id)
  return redirect(`/${lng}`, { headers: { 'Set-Cookie': clearSessionCookie(), 'Cache-Control': 'no-store' } })
}
