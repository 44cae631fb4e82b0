import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { resetPassword } from '../../db/commands/accounts'
import { minPasswordLength } from '../../db/accounts/passwords'
import { Field, FormMessages } from '../components/form-field'
import { clearSessionCookie, commands } from '../lib/auth.server'
import { readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'

export async function loader({ params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  return { lng, minPassword: minPasswordLength, title: t('account:resetSet.title') }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const values = await readForm(request)
  const outcome = await resetPassword(commands(null), params.token ?? '', values)
  if (!outcome.ok) return rejected(outcome.errors, values)
  // Every session of the account ended, this browser's too.
  return redirect(`/${lng}/login?done=passwordReset`, { headers: { 'Set-Cookie': clearSessionCookie() } })
}

export default function ResetSet() {
  const { minPassword } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation('account')
  return (
    <section className="narrow">
      <h1>{t('resetSet.title')}</h1>
      <FormMessages reply={reply} />
      <Form method="post" className="stack" noValidate>
        <Field name="newPassword" label={t('fields.newPassword')} type="password" autoComplete="new-password" reply={reply} hint={t('fields.passwordHint', { min: minPassword })} />
        <button type="submit">{t('resetSet.submit')}</button>
      </Form>
    </section>
  )
}
