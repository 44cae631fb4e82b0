import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { eq } from 'drizzle-orm'
import { createPosting } from '../../db/commands/postings'
import { organisations } from '../../db/schema'
import { IsolatedText } from '../components/isolated-text'
import { FormMessages, type Reply } from '../components/form-field'
import { PostingForm } from '../components/posting-form'
import { commands, guarded, requirePermission } from '../lib/auth.server'
import { postingFormOptions, postingLists } from '../lib/editor.server'
import { readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { notFound, site } from '../lib/site.server'

/** The organisation a new posting belongs to: from the URL, for its owners and editors only. */
async function organisationOf(request: Request, params: LoaderFunctionArgs['params']) {
  const { lng, db, t } = await site(params)
  const id = new URL(request.url).searchParams.get('organisation') ?? ''
  const session = requirePermission(request, lng, 'posting:create:own-organisation', { organisationId: id })
  const org = db.select({ id: organisations.id, name: organisations.name, verified: organisations.verified }).from(organisations).where(eq(organisations.id, id)).get()
  if (!org) notFound()
  return { lng, t, session, org }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t, org } = await organisationOf(request, params)
  return { lng, title: t('editor:posting.newTitle'), organisation: org, options: await postingFormOptions(lng) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng, session, org } = await organisationOf(request, params)
  const values = await readForm(request, postingLists)
  const outcome = await guarded(() => createPosting(commands(session), org.id, values.intent ?? 'save', values))
  if (!outcome.ok) return rejected(outcome.errors, values)
  return redirect(`/${lng}/manage/postings/${outcome.value.id}?done=${values.intent === 'publish' ? 'publish' : 'save'}`)
}

export default function NewPosting() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation('editor')
  return (
    <section className="narrow-wide">
      <h1>{t('posting.newTitle')}</h1>
      <p>
        <IsolatedText t={t} i18nKey="posting.for" values={{ organisation: data.organisation.name }} />
      </p>
      {data.organisation.verified ? null : <p className="notice">{t('posting.pendingNotice')}</p>}
      <FormMessages reply={reply} />
      <PostingForm options={data.options} reply={reply} buttons={[{ intent: 'save', label: t('posting.saveDraft') }, { intent: 'publish', label: t('posting.publish') }]} />
    </section>
  )
}
