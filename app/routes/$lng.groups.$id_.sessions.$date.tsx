import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormMessages, type Reply } from '../components/form-field'
import { SessionWhenWhere } from '../components/session-when-where'
import { IsolatedText } from '../components/isolated-text'
import { SessionPlaces } from '../components/session-places'
import { getSession } from '../lib/auth.server'
import { formatNumber, checkLaws } from '../lib/format'
import { pageMeta } from '../lib/meta'
import { sessionAction, sessionPage } from '../lib/sessions.server'
import { site } from '../lib/site.server'

/** One session of a group: free places, the waiting list, and the reader's place in it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const page = sessionPage(params, lng, getSession(request)?.user ?? null)
  const title = t('volunteering:sessions.session.title', { group: page.group.name.text, date: page.session.label }).replace(/<\/?bdi>/g, '')
  return { lng, title, ...page }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  return sessionAction(request, params)
}

export default function SessionPage() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation(['volunteering', 'groups', 'account'])
  const location = useLocation()
  const { session, place } = data
  const groupPath = `/${data.lng}/groups/${data.group.id}`
  const open = !session.cancelled && !data.begun && !data.group.closed
  const full = session.free === 0 || session.waiting > 0
  return (
    <section className="narrow">
      <h1>
        <IsolatedText t={t} i18nKey="sessions.session.title" values={{ group: data.group.name.text, date: session.label }} />
      </h1>
      <dl className="details">
        <SessionWhenWhere date={session.date} label={session.label} start={session.start} end={session.end} place={data.group.place} />
        <dt>{t('sessions.session.places')}</dt>
        <dd>
          <SessionPlaces session={session} />
        </dd>
      </dl>
      {session.cancelled ? (
        <p className="notice">
          {t('sessions.session.cancelled')}
          {session.cancelReason ? (
            <>
              {' '}
              {t('sessions.session.reason')} <span dir="auto">{session.cancelReason}</span>
            </>
          ) : null}
        </p>
      ) : data.begun ? (
        <p className="notice">{t('sessions.session.begun')}</p>
      ) : null}
      <FormMessages reply={reply} />
      {!data.signedIn || place || open ? <h2 id="place-heading">{t('sessions.session.yourPlace')}</h2> : null}
      {place ? (
        <p>
          {place.state === 'waiting'
            ? t('sessions.state.waiting', { position: formatNumber(place.position ?? 0, data.lng) })
            : place.state === 'offered'
              ? t('sessions.state.offered', { until: place.until })
              : t('sessions.state.confirmed')}
        </p>
      ) : null}
      {!data.signedIn ? (
        <>
          <p>{t('sessions.session.signInFirst')}</p>
          <p className="actions">
            <Link to={`/${data.lng}/login?redirectTo=${encodeURIComponent(location.pathname)}`}>{t('account:nav.login')}</Link>
            <Link to={`/${data.lng}/signup`}>{t('sessions.newAccount')}</Link>
          </p>
        </>
      ) : !open ? null : place ? (
        <div className="actions">
          {place.state === 'offered' ? (
            <Form method="post" aria-labelledby="place-heading">
              <input type="hidden" name="intent" value="signup" />
              <button type="submit">{t('sessions.actions.take')}</button>
            </Form>
          ) : null}
          <Form method="post" aria-labelledby="place-heading">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="danger">
              {t(place.state === 'waiting' ? 'sessions.actions.leaveList' : place.state === 'offered' ? 'sessions.actions.decline' : 'sessions.actions.cancel')}
            </button>
          </Form>
        </div>
      ) : data.membership === 'active' || data.group.open ? (
        <Form method="post" className="stack" aria-labelledby="place-heading">
          {data.membership !== 'active' ? <p className="hint">{t('sessions.session.joinToo')}</p> : null}
          {data.group.requiresCheck ? <p className="hint">{t('checks.groupNote', checkLaws)}</p> : null}
          <input type="hidden" name="intent" value="signup" />
          <button type="submit">{t(full ? 'sessions.actions.wait' : 'sessions.actions.signup')}</button>
        </Form>
      ) : data.membership === 'requested' ? (
        <p>{t('sessions.join.requested')}</p>
      ) : (
        <>
          <p>{t('sessions.session.membersOnly')}</p>
          <p>
            <Link to={`${groupPath}/join`}>{t('sessions.actions.request')}</Link>
          </p>
        </>
      )}
      <p>
        <Link to={groupPath}>{t('sessions.session.back')}</Link>
      </p>
    </section>
  )
}
