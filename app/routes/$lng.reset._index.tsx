import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requestPasswordReset } from '../../db/commands/accounts'
import { Field, FormMessages } from '../components/form-field'
import { tooMany } from '../lib/account.server'
import { commands } from '../lib/auth.server'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { pageMeta, retryAfterHeaders } from '../lib/meta'
import { spend } from '../lib/rate-limit.server'
import { site } from '../lib/site.server'

export async function loader({ params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  return { lng, title: t('account:reset.title') }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export const headers = retryAfterHeaders

export async function action({ request, params, context }: ActionFunctionArgs) {
  await site(params)
  const values = await readForm(request)
  const wait = await spend('resetPerAddress', context.clientAddress ?? 'unknown')
  if (wait > 0) return tooMany(values, wait)
  const outcome = requestPasswordReset(commands(null), values)
  if (!outcome.ok) return rejected(outcome.errors, values)
  return accepted('account:reset.sent')
}

export default function ResetRequest() {
  const reply = useActionData<typeof action>()
  const { t } = useTranslation('account')
  return (
    <section className="narrow">
      <h1>{t('reset.title')}</h1>
      <p>{t('reset.lead')}</p>
      <FormMessages reply={reply} />
      {reply?.done ? null : (
        <Form method="post" className="stack" noValidate>
          <Field name="email" label={t('fields.email')} type="email" autoComplete="email" reply={reply} />
          <button type="submit">{t('reset.submit')}</button>
        </Form>
      )}
    </section>
  )
}
