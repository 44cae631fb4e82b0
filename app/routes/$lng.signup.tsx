import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { resendConfirmation, signUp } from '../../db/commands/accounts'
import { minPasswordLength } from '../../db/accounts/passwords'
import { commands } from '../lib/auth.server'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { pageMeta, retryAfterHeaders } from '../lib/meta'
import { spend } from '../lib/rate-limit.server'
import { tooMany } from '../lib/account.server'
import { site } from '../lib/site.server'
import { Field, FormMessages } from '../components/form-field'
import { LocaleSelect } from '../components/locale-select'

export async function loader({ params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  return { lng, minPassword: minPasswordLength, title: t('account:signup.title') }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export const headers = retryAfterHeaders

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const values = await readForm(request)
  if (values.intent === 'resend') {
    const wait = await spend('resendPerAddress', context.clientAddress ?? 'unknown')
    if (wait > 0) return tooMany(values, wait)
    const outcome = resendConfirmation(commands(null), values)
    if (!outcome.ok) return rejected(outcome.errors, values)
    return accepted('account:signup.resent', { email: values.email ?? '' })
  }
  const wait = await spend('signupPerAddress', context.clientAddress ?? 'unknown')
  if (wait > 0) return tooMany(values, wait)
  const outcome = await signUp(commands(null), { ...values, locale: values.locale || lng })
  if (!outcome.ok) return rejected(outcome.errors, values)
  // The same answer whether the address was new or known: nobody learns who has an account.
  return accepted('account:signup.sent', { email: values.email ?? '' })
}

export default function SignUp() {
  const { lng, minPassword } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation('account')
  if (reply?.done) {
    return (
      <section className="narrow">
        <h1>{t('signup.title')}</h1>
        <FormMessages reply={reply} />
        <p>{t('signup.checkMail')}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="resend" />
          <input type="hidden" name="email" value={reply.values.email ?? ''} />
          <button type="submit">{t('signup.resend')}</button>
        </Form>
      </section>
    )
  }
  return (
    <section className="narrow">
      <h1>{t('signup.title')}</h1>
      <p>{t('signup.lead')}</p>
      <FormMessages reply={reply} />
      <Form method="post" className="stack" noValidate>
        <Field name="name" label={t('fields.name')} autoComplete="name" reply={reply} />
        <Field name="email" label={t('fields.email')} type="email" autoComplete="email" reply={reply} />
        <Field name="password" label={t('fields.password')} type="password" autoComplete="new-password" reply={reply} hint={t('fields.passwordHint', { min: minPassword })} />
        <LocaleSelect reply={reply} current={lng} />
        <button type="submit">{t('signup.submit')}</button>
      </Form>
      <p>
        <Link to={`/${lng}/login`}>{t('signup.haveAccount')}</Link>
      </p>
    </section>
  )
}
