import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextField } from '../components/editor-fields'
import { FormMessages, type Reply } from '../components/form-field'
import { IsolatedText } from '../components/isolated-text'
import { Localized } from '../components/localized'
import { requireSession } from '../lib/auth.server'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { appealFromForm, decisionPage } from '../lib/moderation.server'
import { site } from '../lib/site.server'

/**
 * A coordinator's decision as the members of its item's organisation see it, with the one
 * answer they may give (docs/decisions/011-appeal-page.md). 403 for everyone else.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const session = requireSession(request, lng)
  const decision = await decisionPage(session, params.id ?? '', lng)
  return { lng, title: t('moderation:decision.title'), decision }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const session = requireSession(request, lng)
  const values = await readForm(request)
  const outcome = await appealFromForm(session, params.id ?? '', values)
  if (!outcome.ok) return rejected(outcome.errors, values)
  return accepted('moderation:decision.done')
}

export default function Decision() {
  const { lng, title, decision } = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation(['moderation', 'account'])
  return (
    <section className="narrow">
      <h1>{title}</h1>
      <dl className="details">
        <dt>{t('decision.item')}</dt>
        <dd>
          {decision.title ? (
            <>
              <Localized value={decision.title} note={false} /> · <IsolatedText t={t} i18nKey="queue.of" values={{ organisation: decision.organisation.name }} />
            </>
          ) : (
            <bdi>{decision.organisation.name}</bdi>
          )}
        </dd>
        <dt>{t('decision.action')}</dt>
        <dd>{t(`actions.${decision.action}`)}</dd>
        <dt>{t('decision.decidedAt')}</dt>
        <dd>{decision.decidedAt}</dd>
        <dt>{t('decision.reason')}</dt>
        <dd dir="auto">{decision.reason}</dd>
      </dl>
      <FormMessages reply={reply} />
      <h2 id="appeal-heading">{t('decision.appealTitle')}</h2>
      {decision.appeal !== null ? (
        <>
          {reply?.errors.appeal ? <p className="form-error">{t(reply.errors.appeal)}</p> : null}
          <p>{t('decision.appealedAt', { date: decision.appealedAt })}</p>
          <blockquote dir="auto">{decision.appeal}</blockquote>
          <p>{t(decision.appealResolved ? 'decision.appealResolved' : 'decision.appealOpen')}</p>
        </>
      ) : (
        <Form method="post" className="stack" aria-labelledby="appeal-heading" noValidate>
          <p>{t('decision.appealLead')}</p>
          <TextField name="appeal" label={t('decision.appealField')} reply={reply} textarea required />
          <button type="submit">{t('decision.submit')}</button>
        </Form>
      )}
      <p>
        <Link to={`/${lng}/manage`}>{t('account:manage.title')}</Link>
      </p>
    </section>
  )
}
