import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { allOrganisations, organisationsOf } from '../../db/queries/members'
import { can } from '../../db/permissions'
import { groupsManagedBy } from '../../db/commands/groups'
import { pickText } from '../lib/text'
import { requirePermission } from '../lib/auth.server'
import { getDb } from '../lib/db.server'
import { IsolatedText } from '../components/isolated-text'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'

/** What the signed-in person looks after: their organisations, and the staff tools of their roles. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const session = requirePermission(request, lng, 'manage:view:own')
  return {
    lng,
    title: t('account:manage.title'),
    name: session.user.name,
    roles: session.user.roles,
    organisations: organisationsOf(getDb(), session.user.id),
    // Coordinators look after every organisation's members, imported ones included.
    coordinated: can(session.user, 'organisation:invite:any') ? allOrganisations(getDb()) : [],
    // Groups they run: every group for coordinators, the ones they lead for leads.
    groups: groupsManagedBy(getDb(), session.user).map((g) => ({ id: g.id, name: pickText(g.name, lng, 'de')!, closed: g.state === 'closed' })),
    createsGroups: can(session.user, 'group:create:any'),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export default function Manage() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation(['account', 'manage', 'editor', 'volunteering'])
  return (
    <section>
      <h1>{t('manage.title')}</h1>
      <p>
        <IsolatedText t={t} i18nKey="manage.hello" values={{ name: data.name }} />
      </p>
      <h2>{t('manage.organisations')}</h2>
      {data.organisations.length === 0 ? (
        <p className="empty">{t('manage.noOrganisations')}</p>
      ) : (
        <ul className="link-list">
          {data.organisations.map((org) => (
            <li key={org.id}>
              <Link to={`/${data.lng}/manage/organisations/${org.id}`} dir="auto">
                {org.name}
              </Link>{' '}
              · {t(`roles.${org.role}`)}
              {org.role === 'owner' ? (
                <>
                  {' '}
                  · <Link to={`/${data.lng}/manage/organisations/${org.id}/members`}>{t('manage.members')}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ul className="link-list">
        <li>
          <Link to={`/${data.lng}/manage/inbox`}>{t('conversations:inbox.title')}</Link>
        </li>
        <li>
          <Link to={`/${data.lng}/manage/organisations/new`}>{t('editor:organisation.newTitle')}</Link>
        </li>
        <li>
          <Link to={`/${data.lng}/volunteer`}>{t('editor:volunteer.title')}</Link>
        </li>
      </ul>
      {data.roles.length > 0 ? (
        <>
          <h2>{t('manage.staff')}</h2>
          <ul className="link-list">
            {data.roles.includes('admin') ? (
              <>
                <li>
                  <Link to={`/${data.lng}/admin/users`}>{t('manage.users')}</Link>
                </li>
                <li>
                  <Link to={`/${data.lng}/admin/settings`}>{t('manage:settings.title')}</Link>
                </li>
              </>
            ) : null}
            {data.roles.includes('coordinator') ? (
              <li>
                <Link to={`/${data.lng}/admin/taxonomy`}>{t('taxonomy:title')}</Link>
              </li>
            ) : null}
            {data.roles.map((role) => (
              <li key={role}>{t(`roles.${role}`)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {data.groups.length > 0 || data.createsGroups ? (
        <>
          <h2 id="manage-groups">{t('volunteering:lead.manageGroups')}</h2>
          <ul className="link-list">
            {data.groups.map((g) => (
              <li key={g.id}>
                <Link to={`/${data.lng}/manage/groups/${g.id}`} lang={g.name.lang} dir="auto">
                  {g.name.text}
                </Link>
                {g.closed ? <> · {t('volunteering:lead.closed')}</> : null}
              </li>
            ))}
            {data.createsGroups ? (
              <li>
                <Link to={`/${data.lng}/manage/groups/new`}>{t('volunteering:lead.newTitle')}</Link>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
      {data.coordinated.length > 0 ? (
        <>
          <h2>{t('manage:coordination.title')}</h2>
          <p>{t('manage:coordination.lead')}</p>
          <ul className="link-list">
            {data.coordinated.map((org) => (
              <li key={org.id}>
                <Link to={`/${data.lng}/manage/organisations/${org.id}/members`} dir="auto">
                  {org.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to={`/${data.lng}/account`}>{t('account.title')}</Link>
      </p>
    </section>
  )
}
