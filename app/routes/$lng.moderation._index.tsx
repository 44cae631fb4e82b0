import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextField } from '../components/editor-fields'
import { FormMessages, type Reply } from '../components/form-field'
import { ModerationItem, restricting } from '../components/moderation-item'
import { requirePermission } from '../lib/auth.server'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { decideFromForm, intents, isIntent, queuePage } from '../lib/moderation.server'
import { site } from '../lib/site.server'

/** The coordinators' queue: reports, postings and organisations waiting, appeals; oldest first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const session = requirePermission(request, lng, 'moderation:view:any')
  return { lng, title: t('moderation:queue.title'), items: queuePage(session, lng), intents }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const session = requirePermission(request, lng, 'moderation:decide:any')
  const values = await readForm(request, ['item'])
  const outcome = await decideFromForm(session, values)
  if (!outcome.ok) return rejected(outcome.errors, values)
  const done = isIntent(values.intent) ? `moderation:queue.done.${values.intent}` : 'moderation:queue.done.dismiss'
  return accepted(done)
}

export default function ModerationQueue() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation(['moderation', 'account'])
  const bulk = reply?.values.bulk ? reply : undefined
  const bulkProblem = bulk?.errors.item ?? bulk?.errors.intent ?? bulk?.errors.form
  // A decision on an item that has left the queue meanwhile (decided in another tab): say so at the top.
  const orphan = reply && !reply.done && !bulk && !data.items.some((item) => item.key === reply.values.item) ? Object.values(reply.errors)[0] : undefined
  return (
    <section>
      <h1>{data.title}</h1>
      <p>{t('queue.lead')}</p>
      <p>
        <Link to={`/${data.lng}/moderation/audit`}>{t('audit.title')}</Link>
      </p>
      <FormMessages reply={reply?.done ? reply : undefined}>{orphan ? <p className="form-error">{t(orphan)}</p> : null}</FormMessages>
      {data.items.length === 0 ? (
        <p className="empty">{t('queue.empty')}</p>
      ) : (
        <>
          <ol className="hits">
            {data.items.map((item, index) => (
              <ModerationItem key={item.key} item={item} index={index} lng={data.lng} reply={reply} />
            ))}
          </ol>
          <Form method="post" id="bulk" className="stack narrow" aria-labelledby="bulk-heading">
            <h2 id="bulk-heading">{t('queue.bulk.title')}</h2>
            <p>{t('queue.bulk.lead')}</p>
            <input type="hidden" name="bulk" value="1" />
            {bulkProblem ? <p className="form-error">{t(bulkProblem)}</p> : null}
            <TextField name="reason" idSuffix="bulk" label={t('queue.reason')} hint={t('queue.reasonHint')} reply={bulk} textarea />
            <div className="button-row">
              {data.intents.map((intent) => (
                <button key={intent} type="submit" name="intent" value={intent} className={restricting.has(intent) ? 'danger' : undefined}>
                  {t(`intents.${intent}`)}
                </button>
              ))}
            </div>
          </Form>
        </>
      )}
    </section>
  )
}
