import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { deleteAccount, lastOwnerOf } from '../../db/commands/accounts'
import { Field, FormMessages } from '../components/form-field'
import { clearSessionCookie, commands, guarded, requirePermission } from '../lib/auth.server'
import { getDb } from '../lib/db.server'
import { readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const session = requirePermission(request, lng, 'account:update:own')
  return { lng, title: t('account:delete.title'), blocking: lastOwnerOf(getDb(), session.user.id) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const session = requirePermission(request, lng, 'account:update:own')
  const values = await readForm(request)
  const outcome = await guarded(() => deleteAccount(commands(session), values))
  if (!outcome.ok) return rejected(outcome.errors, values)
  return redirect(`/${lng}?done=deleted`, { headers: { 'Set-Cookie': clearSessionCookie() } })
}

export default function DeleteAccount() {
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation('account')
  return (
    <section className="narrow">
      <h1>{t('delete.title')}</h1>
      <p>{t('delete.lead')}</p>
      {data.blocking.length > 0 ? (
        <div className="notice">
          <p>{t('delete.handOverFirst')}</p>
          <ul>
            {data.blocking.map((id) => (
              <li key={id}>
                <Link to={`/${data.lng}/manage/organisations/${id}/members`}>{id}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormMessages reply={reply} />
      <Form method="post" className="stack" noValidate>
        <Field name="password" label={t('fields.currentPassword')} type="password" autoComplete="current-password" reply={reply} />
        <button type="submit" className="danger">
          {t('delete.submit')}
        </button>
      </Form>
    </section>
  )
}
