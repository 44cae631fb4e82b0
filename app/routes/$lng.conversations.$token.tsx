import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data as withStatus } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Thread } from '../components/conversation-thread'
import { TextField } from '../components/editor-fields'
import { FormMessages, type Reply } from '../components/form-field'
import { IsolatedText } from '../components/isolated-text'
import { deletedPath, privateHeaders, retentionDays, visitorAction, visitorThread } from '../lib/conversations.server'
import { formatNumber } from '../lib/format'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'

/**
 * The visitor's side of a conversation, reached by the secret link from their e-mail; no
 * account, no cookie. The visitor acts by the link, not as a signed-in person.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const token = params.token ?? ''
  if (token === deletedPath) return { lng, title: t('conversations:thread.deletedTitle'), thread: null, deleted: true, retentionDays: retentionDays() }
  const thread = visitorThread(token, lng)
  if (!thread) return withStatus({ lng, title: t('conversations:thread.goneTitle'), thread: null, deleted: false, retentionDays: retentionDays() }, { status: 404 })
  // Plain text for <title>; the heading isolates the name with IsolatedText.
  const title = t('conversations:thread.title', { organisation: thread.organisation }).replace(/<\/?bdi>/g, '')
  return { lng, title, thread, deleted: false, retentionDays: retentionDays() }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data?.title), { name: 'robots', content: 'noindex' }]

export const headers = privateHeaders

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  return visitorAction(request, params.token ?? '', lng)
}

export default function VisitorConversation() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation(['conversations', 'common', 'account'])
  const thread = data.thread
  if (!thread) {
    return (
      <section className="narrow">
        <h1>{data.title}</h1>
        <p className={data.deleted ? 'form-done' : undefined}>{data.deleted ? t('thread.deleted') : t('thread.gone')}</p>
        <p>
          <Link to={`/${data.lng}`}>{t('common:errors.backHome')}</Link>
        </p>
      </section>
    )
  }
  return (
    <section className="narrow">
      <h1>
        <IsolatedText t={t} i18nKey="thread.title" values={{ organisation: thread.organisation }} />
      </h1>
      <p>
        <IsolatedText t={t} i18nKey="thread.about" values={{ posting: thread.posting.title.text }} />{' '}
        <Link to={`/${data.lng}/postings/${thread.posting.id}`}>{t('respond.back')}</Link>
      </p>
      <Thread
        messages={thread.messages}
        label={t('thread.messages')}
        author={(m) => (m.author === 'visitor' ? t('thread.you') : <bdi dir="auto">{thread.organisation}</bdi>)}
      />
      <FormMessages reply={reply} />
      {thread.closed ? (
        <p className="notice">
          <IsolatedText t={t} i18nKey="thread.closed" values={{ organisation: thread.organisation }} />
        </p>
      ) : (
        <Form method="post" className="stack" aria-labelledby="reply-heading" noValidate>
          <h2 id="reply-heading">{t('thread.reply')}</h2>
          <input type="hidden" name="intent" value="reply" />
          {/* After a sent message the field starts empty again. */}
          <TextField name="message" label={t('thread.message')} reply={reply?.done ? undefined : reply} textarea required key={reply?.done ? thread.messages.length : 'draft'} />
          <button type="submit">{t('thread.send')}</button>
        </Form>
      )}
      <Form method="post" className="stack" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('thread.deleteHeading')}</h2>
        <p>
          {t('thread.deleteLead')} {t('retention', { count: data.retentionDays, days: formatNumber(data.retentionDays, data.lng) })}
        </p>
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="danger">
          {t('thread.delete')}
        </button>
      </Form>
    </section>
  )
}
