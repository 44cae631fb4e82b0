import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormMessages, type Reply } from '../components/form-field'
import { IsolatedText } from '../components/isolated-text'
import { getSession } from '../lib/auth.server'
import { pageMeta } from '../lib/meta'
import { joinAction, joinPage } from '../lib/sessions.server'
import { site } from '../lib/site.server'

/** What joining a group means, and the button: at once for an open group, by request otherwise. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const page = joinPage(params, lng, getSession(request)?.user ?? null)
  return { lng, title: t('volunteering:sessions.join.title', { group: page.group.name.text }).replace(/<\/?bdi>/g, ''), ...page }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  return joinAction(request, params)
}

export default function JoinGroup() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation(['volunteering', 'account'])
  const location = useLocation()
  const group = data.group
  const button = (intent: 'join' | 'leave', label: string, danger = false) => (
    <Form method="post" aria-labelledby="join-heading">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={danger ? 'danger' : undefined}>
        {label}
      </button>
    </Form>
  )
  return (
    <section className="narrow">
      <h1 id="join-heading">
        <IsolatedText t={t} i18nKey="sessions.join.title" values={{ group: group.name.text }} />
      </h1>
      <FormMessages reply={reply} />
      {group.closed ? (
        <p className="notice">{t('sessions.join.closed')}</p>
      ) : (
        <>
          <p>{group.open ? t('sessions.join.open') : t('sessions.join.approval')}</p>
          <p>{t('sessions.join.privacy')}</p>
        </>
      )}
      {!data.signedIn ? (
        group.closed ? null : (
          <>
            <p>{t('sessions.join.signInFirst')}</p>
            <p className="actions">
              <Link to={`/${data.lng}/login?redirectTo=${encodeURIComponent(location.pathname)}`}>{t('account:nav.login')}</Link>
              <Link to={`/${data.lng}/signup`}>{t('sessions.newAccount')}</Link>
            </p>
          </>
        )
      ) : data.membership === 'active' ? (
        <>
          <p>{data.lead ? t('sessions.join.lead') : t('sessions.join.member')}</p>
          {button('leave', t('sessions.actions.leave'), true)}
        </>
      ) : data.membership === 'requested' ? (
        <>
          <p>{t('sessions.join.requested')}</p>
          {button('leave', t('sessions.actions.withdraw'), true)}
        </>
      ) : group.closed ? null : (
        button('join', group.open ? t('sessions.actions.join') : t('sessions.actions.request'))
      )}
      <p>
        <Link to={`/${data.lng}/groups/${group.id}`}>{t('sessions.session.back')}</Link>
      </p>
    </section>
  )
}
