import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { deleteOwnSession, deleteSessionsOf, listSessions } from '../../db/accounts/sessions'
import { minPasswordLength } from '../../db/accounts/passwords'
import { changePassword, requestEmailChange, updateProfile } from '../../db/commands/accounts'
import { Field, FormMessages, type Reply } from '../components/form-field'
import { IsolatedText } from '../components/isolated-text'
import { LocaleSelect } from '../components/locale-select'
import { clearSessionCookie, commands, guarded, requirePermission } from '../lib/auth.server'
import { getDb } from '../lib/db.server'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { formatDateTime } from '../lib/format'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const session = requirePermission(request, lng, 'account:update:own')
  const sessions = listSessions(getDb(), session.user.id).map((s) => ({
    id: s.id,
    device: s.device,
    lastSeen: formatDateTime(s.lastSeenAt, lng),
    current: s.id === session.id,
  }))
  return { lng, minPassword: minPasswordLength, title: t('account:account.title'), name: session.user.name, email: session.user.email, locale: session.user.locale, sessions }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const session = requirePermission(request, lng, 'account:update:own')
  const values = await readForm(request)
  const context = commands(session)
  const reply = (outcome: { ok: true } | { ok: false; errors: Record<string, string> }, done: string) =>
    outcome.ok ? accepted(done) : rejected(outcome.errors, values)
  switch (values.intent) {
    case 'profile': {
      const outcome = await guarded(() => updateProfile(context, values))
      if (outcome.ok && values.locale !== lng) throw redirect(`/${values.locale}/account`)
      return reply(outcome, 'account:account.saved')
    }
    case 'password':
      return reply(await guarded(() => changePassword(context, session.id, values)), 'account:account.passwordChanged')
    case 'email':
      return reply(await guarded(() => requestEmailChange(context, values)), 'account:account.emailSent')
    case 'endSession':
      deleteOwnSession(getDb(), session.user.id, values.session ?? '')
      return accepted('account:account.sessionEnded')
    case 'endOthers':
      deleteSessionsOf(getDb(), session.user.id, session.id)
      return accepted('account:account.othersEnded')
    case 'endAll':
      deleteSessionsOf(getDb(), session.user.id)
      return redirect(`/${lng}`, { headers: { 'Set-Cookie': clearSessionCookie() } })
    default:
      return rejected({ form: 'account:errors.invalid' }, values)
  }
}

export default function Account() {
  const data = useLoaderData<typeof loader>()
  const minPassword = data.minPassword
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation('account')
  const intent = reply?.values.intent
  const scoped = (name: string): Reply => (reply && intent === name ? reply : undefined)
  return (
    <section className="narrow">
      <h1>{t('account.title')}</h1>
      <FormMessages reply={reply} />

      <h2 id="profile">{t('account.profile')}</h2>
      <Form method="post" className="stack" aria-labelledby="profile" noValidate>
        <input type="hidden" name="intent" value="profile" />
        <Field name="name" label={t('fields.name')} autoComplete="name" reply={scoped('profile')} defaultValue={data.name} />
        <LocaleSelect reply={scoped('profile')} current={data.locale as never} />
        <button type="submit">{t('account.saveProfile')}</button>
      </Form>

      <h2 id="password">{t('account.password')}</h2>
      <Form method="post" className="stack" aria-labelledby="password" noValidate>
        <input type="hidden" name="intent" value="password" />
        <Field name="password" label={t('fields.currentPassword')} type="password" autoComplete="current-password" reply={scoped('password')} />
        <Field name="newPassword" label={t('fields.newPassword')} type="password" autoComplete="new-password" reply={scoped('password')} hint={t('fields.passwordHint', { min: minPassword })} />
        <button type="submit">{t('account.changePassword')}</button>
      </Form>

      <h2 id="email">{t('account.email')}</h2>
      <p>
        <IsolatedText t={t} i18nKey="account.emailNow" values={{ email: data.email }} />
      </p>
      <Form method="post" className="stack" aria-labelledby="email" noValidate>
        <input type="hidden" name="intent" value="email" />
        <Field name="email" label={t('fields.newEmail')} type="email" autoComplete="email" reply={scoped('email')} />
        <Field name="password" label={t('fields.currentPassword')} type="password" autoComplete="current-password" reply={scoped('email')} />
        <button type="submit">{t('account.changeEmail')}</button>
      </Form>

      <h2 id="sessions">{t('account.sessions')}</h2>
      <ul className="sessions">
        {data.sessions.map((s) => (
          <li key={s.id}>
            <span>
              {s.device} · {t('account.lastSeen', { when: s.lastSeen })}
              {s.current ? ` · ${t('account.thisDevice')}` : ''}
            </span>
            {s.current ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value="endSession" />
                <input type="hidden" name="session" value={s.id} />
                <button type="submit">{t('account.endSession')}</button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      <div className="actions">
        <Form method="post">
          <input type="hidden" name="intent" value="endOthers" />
          <button type="submit">{t('account.endOthers')}</button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="endAll" />
          <button type="submit">{t('account.endAll')}</button>
        </Form>
      </div>

      <h2>{t('account.yourData')}</h2>
      <ul className="link-list">
        <li>
          <a href={`/${data.lng}/account/export`} download>
            {t('account.export')}
          </a>
        </li>
        <li>
          <Link to={`/${data.lng}/account/delete`}>{t('account.delete')}</Link>
        </li>
      </ul>
    </section>
  )
}
