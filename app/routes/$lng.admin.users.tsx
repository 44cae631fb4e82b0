import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { setRole } from '../../db/commands/users'
import { findUsers } from '../../db/queries/users'
import { staffRoles } from '../../db/schema'
import { FormMessages, type Reply } from '../components/form-field'
import { commands, guarded, requirePermission } from '../lib/auth.server'
import { getDb } from '../lib/db.server'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const session = requirePermission(request, lng, 'user:list:any')
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
  return { lng, title: t('manage:users.title'), q, roles: staffRoles, users: findUsers(getDb(), session.user, q.trim()) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const session = requirePermission(request, lng, 'role:grant:any')
  const values = await readForm(request)
  if (values.intent !== 'grant' && values.intent !== 'revoke') return rejected({ form: 'account:errors.invalid' }, values)
  const outcome = await guarded(() => setRole(commands(session), values, values.intent === 'grant'))
  if (!outcome.ok) return rejected(outcome.errors, values)
  return accepted(`manage:users.done.${values.intent}`)
}

export default function Users() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation(['manage', 'account'])
  return (
    <section>
      <h1>{data.title}</h1>
      <Form method="get" role="search" aria-label={t('users.find')} className="search-row narrow">
        <label htmlFor="users-q" className="visually-hidden">
          {t('users.find')}
        </label>
        <input id="users-q" type="search" name="q" defaultValue={data.q} placeholder={t('users.find')} dir="auto" />
        <button type="submit">{t('users.search')}</button>
      </Form>
      <FormMessages reply={reply} />
      {data.users.length === 0 ? <p className="empty">{t('users.none')}</p> : null}
      <ul className="sessions">
        {data.users.map((user) => (
          <li key={user.id}>
            <span>
              <bdi>{user.name}</bdi> · <bdi>{user.email}</bdi>
              {user.confirmedAt ? '' : ` · ${t('users.unconfirmed')}`}
              {user.roles.length > 0 ? ` · ${user.roles.map((role) => t(`account:roles.${role}`)).join(' · ')}` : ''}
            </span>
            <span className="actions">
              {data.roles.map((role) => {
                const has = user.roles.includes(role)
                return (
                  <Form method="post" key={role}>
                    <input type="hidden" name="intent" value={has ? 'revoke' : 'grant'} />
                    <input type="hidden" name="user" value={user.id} />
                    <input type="hidden" name="role" value={role} />
                    <button type="submit" className={has ? 'danger' : undefined}>
                      {t(has ? `users.revoke.${role}` : `users.grant.${role}`)}
                    </button>
                  </Form>
                )
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
