import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Thread } from '../components/conversation-thread'
import { TextField } from '../components/editor-fields'
import { FormMessages, type Reply } from '../components/form-field'
import { IsolatedText } from '../components/isolated-text'
import { Localized } from '../components/localized'
import { guarded, requireSession } from '../lib/auth.server'
import { markSeen, organisationAction, organisationThread, retentionDays } from '../lib/conversations.server'
import { formatNumber } from '../lib/format'
import { pageMeta } from '../lib/meta'
import { notFound, site } from '../lib/site.server'

/** One conversation as its organisation sees it: owners and editors of that organisation only (403 for others). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const session = requireSession(request, lng)
  const id = params.id ?? ''
  const thread = await guarded(() => organisationThread(session.user, id, lng))
  if (!thread) notFound()
  if (thread.unread) markSeen(session, id)
  const title = t('conversations:manage.title', { name: thread.visitor.name }).replace(/<\/?bdi>/g, '')
  return { lng, title, thread, retentionDays: retentionDays() }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  return organisationAction(request, requireSession(request, lng), params.id ?? '')
}

export default function OrganisationConversation() {
  const { lng, thread, retentionDays: days } = useLoaderData<typeof loader>()
  const answer: Reply = useActionData<typeof action>()
  const { t } = useTranslation(['conversations', 'account'])
  return (
    <section className="narrow">
      <p>
        <Link to={`/${lng}/manage/inbox`}>{t('manage.toInbox')}</Link>
      </p>
      <h1>
        <IsolatedText t={t} i18nKey="manage.title" values={{ name: thread.visitor.name }} />
      </h1>
      <p>
        <IsolatedText t={t} i18nKey="manage.about" values={{ posting: thread.posting.title.text, organisation: thread.organisation }} />
      </p>
      <h2>{t('manage.visitor')}</h2>
      <dl className="details">
        <dt>{t('manage.name')}</dt>
        <dd dir="auto">{thread.visitor.name}</dd>
        {thread.visitor.email ? (
          <>
            <dt>{t('manage.email')}</dt>
            <dd>
              <a href={`mailto:${thread.visitor.email}`} dir="ltr">
                {thread.visitor.email}
              </a>
            </dd>
          </>
        ) : null}
        {thread.visitor.phone ? (
          <>
            <dt>{t('manage.phone')}</dt>
            <dd>
              <a href={`tel:${thread.visitor.phone.replace(/[^+0-9]/g, '')}`} dir="ltr">
                {thread.visitor.phone}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('manage.language')}</dt>
        <dd>{thread.visitor.language}</dd>
      </dl>
      <p className="hint">{t('manage.contactNote')}</p>
      <Thread
        messages={thread.messages}
        label={t('thread.messages')}
        author={(m) =>
          m.author === 'visitor' ? (
            <bdi dir="auto">{thread.visitor.name}</bdi>
          ) : m.authorName ? (
            <IsolatedText t={t} i18nKey="manage.organisationSide" values={{ name: m.authorName, organisation: thread.organisation }} />
          ) : (
            <bdi dir="auto">{thread.organisation}</bdi>
          )
        }
      />
      <FormMessages reply={answer} />
      {thread.closed ? (
        <p className="notice">{t('manage.closed')}</p>
      ) : (
        <>
          <Form method="post" className="stack" aria-labelledby="reply-heading" noValidate>
            <h2 id="reply-heading">{t('manage.reply')}</h2>
            <p className="hint">{thread.visitor.email ? t('manage.replyHint') : t('manage.noEmail')}</p>
            <input type="hidden" name="intent" value="reply" />
            <TextField name="message" label={t('thread.message')} reply={answer?.done ? undefined : answer} textarea required key={answer?.done ? thread.messages.length : 'draft'} />
            <button type="submit">{t('manage.send')}</button>
          </Form>
          <Form method="post" className="stack" aria-labelledby="close-heading">
            <h2 id="close-heading">{t('manage.close')}</h2>
            <p>{t('manage.closeHint')}</p>
            <input type="hidden" name="intent" value="close" />
            <button type="submit">{t('manage.close')}</button>
          </Form>
        </>
      )}
      <p className="hint">{t('retention', { count: days, days: formatNumber(days, lng) })}</p>
      <p>
        <Link to={`/${lng}/postings/${thread.posting.id}`}>
          <Localized value={thread.posting.title} note={false} />
        </Link>
      </p>
    </section>
  )
}
