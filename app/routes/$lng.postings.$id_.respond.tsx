import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ConsentField } from '../components/conversation-thread'
import { TextField } from '../components/editor-fields'
import { FormMessages, type Reply } from '../components/form-field'
import { IsolatedText } from '../components/isolated-text'
import { getSession } from '../lib/auth.server'
import { privateHeaders, respondAction, respondTarget, retentionDays } from '../lib/conversations.server'
import { formatNumber } from '../lib/format'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t, today } = await site(params)
  const posting = respondTarget(params.id ?? '', today, lng)
  // A signed-in volunteer finds their name and address filled in; a visitor gets no cookie.
  const session = getSession(request)
  return {
    lng,
    title: t('conversations:respond.title'),
    posting,
    retentionDays: retentionDays(),
    name: session?.user.name ?? '',
    email: session?.user.email ?? '',
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export const headers = privateHeaders

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lng, today } = await site(params)
  return respondAction(request, context, getSession(request), params.id ?? '', lng, today)
}

export default function Respond() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation(['conversations', 'account'])
  const back = (
    <p>
      <Link to={`/${data.lng}/postings/${data.posting.id}`}>{t('respond.back')}</Link>
    </p>
  )
  return (
    <section className="narrow">
      <h1>{t('respond.title')}</h1>
      <p>
        <IsolatedText t={t} i18nKey="respond.about" values={{ posting: data.posting.title.text, organisation: data.posting.organisation }} />
      </p>
      <FormMessages reply={reply} />
      {reply?.done ? (
        <>
          <p>{reply.values.contact === 'email' ? t('respond.checkMail') : t('respond.willCall')}</p>
          <p>{t('respond.keepLink')}</p>
          <p>
            <Link to={reply.values.link ?? `/${data.lng}`}>{t('respond.open')}</Link>
          </p>
          {back}
        </>
      ) : (
        <>
          <p>{t('respond.lead')}</p>
          <Form method="post" className="stack" noValidate>
            <TextField name="name" label={t('respond.name')} hint={t('respond.nameHint')} reply={reply} value={data.name} required />
            <fieldset className="stack">
              <legend>{t('respond.contact')}</legend>
              <p className="hint">{t('respond.contactHint')}</p>
              <TextField name="email" type="email" label={t('respond.email')} hint={t('respond.emailHint')} reply={reply} value={data.email} />
              <TextField name="phone" type="tel" label={t('respond.phone')} hint={t('respond.phoneHint')} reply={reply} />
            </fieldset>
            <TextField name="message" label={t('respond.message')} reply={reply} textarea required />
            <div>
              <h2>{t('respond.privacyHeading')}</h2>
              <p>{t('respond.privacyWhat')}</p>
              <p>
                <IsolatedText t={t} i18nKey="respond.privacyWho" values={{ organisation: data.posting.organisation }} />
              </p>
              <p>
                {t('retention', { count: data.retentionDays, days: formatNumber(data.retentionDays, data.lng) })} {t('respond.privacyDelete')}
              </p>
            </div>
            <ConsentField name="consent" reply={reply}>
              <IsolatedText t={t} i18nKey="respond.consent" values={{ organisation: data.posting.organisation }} />
            </ConsentField>
            {/* Hidden from people, screen readers and the tab order; bots fill it in. */}
            <div className="visually-hidden" aria-hidden="true">
              <label htmlFor="field-website">{t('respond.honeypot')}</label>
              <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
            </div>
            <button type="submit">{t('respond.submit')}</button>
          </Form>
          {back}
        </>
      )}
    </section>
  )
}
