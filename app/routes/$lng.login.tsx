import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { checkLogin } from '../../db/commands/accounts'
import { Field, FormMessages } from '../components/form-field'
import { tooMany } from '../lib/account.server'
import { getSession, safeRedirect, startSession } from '../lib/auth.server'
import { getDb } from '../lib/db.server'
import { readForm, rejected } from '../lib/forms.server'
import { pageMeta, retryAfterHeaders } from '../lib/meta'
import { blockedFor, spend } from '../lib/rate-limit.server'
import { site } from '../lib/site.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  if (getSession(request)) throw redirect(`/${lng}/account`)
  return { lng, title: t('account:login.title') }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export const headers = retryAfterHeaders

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const values = await readForm(request)
  const address = `address:${context.clientAddress ?? 'unknown'}`
  const email = (values.email ?? '').trim().toLowerCase().slice(0, 254)
  // A form without an address names no account: its failures count per client address only.
  const account = email ? `account:${email}` : null
  const wait = Math.max(await blockedFor('loginPerAddress', address), account ? await blockedFor('loginPerAccount', account) : 0)
  if (wait > 0) return tooMany(values, wait)
  const outcome = await checkLogin(getDb(), values)
  if (!outcome.ok) {
    // Only failures count: a person who types well is never slowed down.
    await spend('loginPerAddress', address)
    if (account) await spend('loginPerAccount', account)
    return rejected(outcome.errors, values)
  }
  return startSession(request, outcome.value.userId, safeRedirect(values.redirectTo, `/${lng}/manage`))
}

const doneKeys = new Set(['confirmed', 'emailChanged', 'passwordReset'])

export default function Login() {
  const { lng } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t } = useTranslation('account')
  return (
    <section className="narrow">
      <h1>{t('login.title')}</h1>
      <FormMessages reply={reply}>
        {!reply && doneKeys.has(search.get('done') ?? '') ? <p className="form-done">{t(`login.${search.get('done')}`)}</p> : null}
      </FormMessages>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={reply?.values.redirectTo ?? search.get('redirectTo') ?? ''} />
        <Field name="email" label={t('fields.email')} type="email" autoComplete="username" reply={reply} />
        <Field name="password" label={t('fields.password')} type="password" autoComplete="current-password" reply={reply} />
        <button type="submit">{t('login.submit')}</button>
      </Form>
      <ul className="link-list">
        <li>
          <Link to={`/${lng}/reset`}>{t('login.forgot')}</Link>
        </li>
        <li>
          <Link to={`/${lng}/signup`}>{t('login.noAccount')}</Link>
        </li>
      </ul>
    </section>
  )
}
