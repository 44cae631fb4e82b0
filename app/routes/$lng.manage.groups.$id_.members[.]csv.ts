import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportMembersCsv } from '../../db/commands/group-members'
import { groupForLead } from '../../db/commands/groups'
import { commands, guarded, requireSession } from '../lib/auth.server'
import { notFound, site } from '../lib/site.server'

/**
 * The group's members as a CSV download, for the group's own use (leads and coordinators);
 * each export is written to the audit log. Headings in the reader's language; a byte-order
 * mark so that spreadsheet programs read umlauts and Arabic script as UTF-8.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, db, t } = await site(params)
  const session = requireSession(request, lng)
  const id = params.id ?? ''
  if (!(await guarded(() => groupForLead(db, session.user, id)))) notFound()
  const column = (key: string) => t(`volunteering:lead.csv.${key}`)
  const header = { name: column('name'), email: column('email'), role: column('role'), speaks: column('speaks'), writes: column('writes'), skills: column('skills'), noShows: column('noShows') }
  const csv = await guarded(() => exportMembersCsv(commands(session), id, header, (role) => t(`volunteering:lead.members.role.${role}`)))
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${id.replace(/[^A-Za-z0-9_-]/g, '_')}-members.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
