import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportPerson } from '../../db/accounts/export'
import { requirePermission } from '../lib/auth.server'
import { getDb } from '../lib/db.server'
import { site } from '../lib/site.server'

/** The person's data as a JSON download; never cached anywhere. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng } = await site(params)
  const session = requirePermission(request, lng, 'account:update:own')
  const body = JSON.stringify(exportPerson(getDb(), session.user.id), null, 2)
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="treffpunkt-account.json"',
      'Cache-Control': 'no-store',
    },
  })
}
