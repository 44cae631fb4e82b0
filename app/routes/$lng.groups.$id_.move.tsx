import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { declineMove, moveToSuccessor } from '../../db/commands/group-transitions'
import { FormMessages, type Reply } from '../components/form-field'
import { IsolatedText } from '../components/isolated-text'
import { commands, guarded, requireSession } from '../lib/auth.server'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { moveView } from '../lib/lead.server'
import { pageMeta } from '../lib/meta'
import { notFound, site } from '../lib/site.server'

/**
 * A member's side of a transition: the group closed, here is the coordinator's message
 * and the groups that go on; move with one click, or decline. Only for people who were
 * members of the closed group (403 for others); 404 while the group is not closed.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, db, t } = await site(params)
  const session = requireSession(request, lng)
  const view = await guarded(() => moveView(db, session.user, params.id ?? '', lng))
  if (!view) notFound()
  return { lng, title: t('volunteering:lead.move.title', { group: view.group.name.text }).replace(/<\/?bdi>/g, ''), ...view }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng, db } = await site(params)
  const session = requireSession(request, lng)
  const id = params.id ?? ''
  const values = await readForm(request)
  if (!(await guarded(() => moveView(db, session.user, id, lng)))) notFound()
  const context = commands(session)
  if (values.intent === 'move') {
    const outcome = await guarded(() => moveToSuccessor(context, id, values.successor ?? ''))
    if (!outcome.ok) return rejected(outcome.errors, values)
    return accepted(outcome.value.joined === 'active' ? 'volunteering:lead.done.move' : 'volunteering:lead.done.moveRequested')
  }
  if (values.intent === 'decline') {
    const outcome = await guarded(() => declineMove(context, id))
    if (!outcome.ok) return rejected(outcome.errors, values)
    return accepted('volunteering:lead.done.declineMove')
  }
  return rejected({ form: 'editor:errors.invalid' }, values)
}

export default function Move() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation('volunteering')
  return (
    <section>
      <h1>
        <IsolatedText t={t} i18nKey="lead.move.title" values={{ group: data.group.name.text }} />
      </h1>
      <FormMessages reply={reply} />
      {reply?.errors.successor ? <p className="form-error">{t(reply.errors.successor)}</p> : null}
      {data.message ? (
        <figure className="message">
          <figcaption className="meta">{t('lead.move.from')}</figcaption>
          <div className="message-body">
            <p dir="auto">{data.message}</p>
          </div>
        </figure>
      ) : null}
      {data.answer === 'moved' ? (
        <p>
          {data.movedTo ? (
            <Link to={`/${data.lng}/groups/${data.movedTo.id}`}>
              <IsolatedText t={t} i18nKey="lead.move.moved" values={{ group: data.movedTo.name }} />
            </Link>
          ) : null}
        </p>
      ) : data.answer === 'declined' ? (
        <p>{t('lead.move.declined')}</p>
      ) : (
        <>
          <h2 id="successors">{t('lead.move.successors')}</h2>
          {data.successors.length === 0 ? <p className="empty">{t('lead.move.noSuccessors')}</p> : null}
          <ul className="sessions">
            {data.successors.map((s) => (
              <li key={s.id}>
                <span>
                  <Link to={`/${data.lng}/groups/${s.id}`} lang={s.name.lang} dir="auto">
                    {s.name.text}
                  </Link>{' '}
                  · {t(s.open ? 'lead.move.open' : 'lead.move.approval')}
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="successor" value={s.id} />
                  <button type="submit">
                    <IsolatedText t={t} i18nKey="lead.move.moveTo" values={{ group: s.name.text }} />
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          <h2 id="decline">{t('lead.move.declineTitle')}</h2>
          <p>{t('lead.move.declineLead')}</p>
          <Form method="post" aria-labelledby="decline">
            <input type="hidden" name="intent" value="decline" />
            <button type="submit" className="danger">
              {t('lead.move.decline')}
            </button>
          </Form>
        </>
      )}
    </section>
  )
}
