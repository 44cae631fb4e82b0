import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data as withStatus } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormMessages, type Reply } from '../components/form-field'
import { SessionWhenWhere } from '../components/session-when-where'
import { IsolatedText } from '../components/isolated-text'
import { privateHeaders } from '../lib/conversations.server'
import { formatNumber } from '../lib/format'
import { pageMeta } from '../lib/meta'
import { linkAction, linkPage } from '../lib/sessions.server'
import { site } from '../lib/site.server'

/**
 * The one-click link of an e-mail (an offered place, the reminder): it shows the sign-up
 * and one button. Opening it changes nothing, since mail scanners open links too
 * (docs/decisions/013-signup-links.md).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const page = linkPage(params.token ?? '', lng)
  if (!page) return withStatus({ lng, title: t('volunteering:sessions.link.goneTitle'), page: null }, { status: 404 })
  return { lng, title: t('volunteering:sessions.session.title', { group: page.group.name.text, date: page.label }).replace(/<\/?bdi>/g, ''), page }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title), { name: 'robots', content: 'noindex' }]

export const headers = privateHeaders

export async function action({ request, params }: ActionFunctionArgs) {
  await site(params)
  return linkAction(request, params.token ?? '')
}

export default function SignupLink() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation(['volunteering', 'groups'])
  const page = data.page
  if (!page) {
    return (
      <section className="narrow">
        <h1>{data.title}</h1>
        <p>{t('sessions.link.gone')}</p>
        <p>
          <Link to={`/${data.lng}/volunteer`}>{t('sessions.link.toVolunteer')}</Link>
        </p>
      </section>
    )
  }
  const place = page.place
  const open = !page.cancelled && !page.begun
  const button = (intent: 'take' | 'cancel', label: string) => (
    <Form method="post" aria-labelledby="link-heading">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={intent === 'cancel' ? 'danger' : undefined}>
        {label}
      </button>
    </Form>
  )
  return (
    <section className="narrow">
      <h1 id="link-heading">
        <IsolatedText t={t} i18nKey="sessions.session.title" values={{ group: page.group.name.text, date: page.label }} />
      </h1>
      <dl className="details">
        <SessionWhenWhere date={page.date} label={page.label} start={page.start} end={page.end} place={page.group.place} />
      </dl>
      <p className="hint">{t('sessions.link.lead')}</p>
      <FormMessages reply={reply} />
      {page.cancelled ? (
        <p className="notice">{t('sessions.session.cancelled')}</p>
      ) : page.begun ? (
        <p className="notice">{t('sessions.session.begun')}</p>
      ) : null}
      {place ? (
        <p>
          {place.state === 'waiting'
            ? t('sessions.state.waiting', { position: formatNumber(place.position ?? 0, data.lng) })
            : place.state === 'offered'
              ? t('sessions.state.offered', { until: place.until })
              : t('sessions.state.confirmed')}
        </p>
      ) : (
        <p>{t('sessions.link.cancelled')}</p>
      )}
      {open && place ? (
        <div className="actions">
          {place.state === 'offered' ? button('take', t('sessions.actions.take')) : null}
          {button('cancel', t(place.state === 'waiting' ? 'sessions.actions.leaveList' : place.state === 'offered' ? 'sessions.actions.decline' : 'sessions.actions.cancel'))}
        </div>
      ) : null}
      <p>
        <Link to={`/${data.lng}/groups/${page.group.id}/sessions/${page.date}`}>{t('sessions.link.toSession')}</Link>
      </p>
    </section>
  )
}
