import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { confirmEmail, confirmEmailChange, tokenKind } from '../../db/commands/accounts'
import { FormMessages } from '../components/form-field'
import { clearSessionCookie, commands } from '../lib/auth.server'
import { getDb } from '../lib/db.server'
import { discardBody, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'

// Opening the link only shows a button: mail scanners that fetch links must not use it up.
export async function loader({ params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  return { lng, title: t('account:confirm.title') }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  await discardBody(request)
  const token = params.token ?? ''
  const change = tokenKind(getDb(), token) === 'email-change'
  const outcome = change ? confirmEmailChange(commands(null), token) : confirmEmail(commands(null), token)
  if (!outcome.ok) return rejected(outcome.errors, {})
  // An e-mail change ended every session: the person signs in again with the new address.
  return redirect(`/${lng}/login?done=${change ? 'emailChanged' : 'confirmed'}`, change ? { headers: { 'Set-Cookie': clearSessionCookie() } } : undefined)
}

export default function Confirm() {
  const reply = useActionData<typeof action>()
  const { t } = useTranslation('account')
  return (
    <section className="narrow">
      <h1>{t('confirm.title')}</h1>
      <FormMessages reply={reply} />
      <p>{t('confirm.lead')}</p>
      <Form method="post">
        <button type="submit">{t('confirm.submit')}</button>
      </Form>
    </section>
  )
}
