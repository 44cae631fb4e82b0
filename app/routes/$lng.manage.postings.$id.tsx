import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { eq } from 'drizzle-orm'
import { postingForEditor, updatePosting } from '../../db/commands/postings'
import { missingLocales, pickTitle, requestTranslation, reviewTranslation, translationsOf } from '../../db/commands/translations'
import { organisations } from '../../db/schema'
import { isVisible } from '../../db/visibility'
import { TextField } from '../components/editor-fields'
import { FormMessages, type Reply } from '../components/form-field'
import { IsolatedText } from '../components/isolated-text'
import { PostingForm } from '../components/posting-form'
import { localeNames, isLocale } from '../i18n'
import { commands, guarded, requireSession } from '../lib/auth.server'
import { postingFormOptions, postingLists, postingValues } from '../lib/editor.server'
import { formatDate } from '../lib/format'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { notFound, site } from '../lib/site.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, db, today } = await site(params)
  const session = requireSession(request, lng)
  // Members of the posting's organisation only; everyone else gets 403, whatever the id.
  const row = await guarded(() => postingForEditor(db, session.user, params.id ?? ''))
  if (!row) notFound()
  const org = db.select({ name: organisations.name, suspended: organisations.suspended }).from(organisations).where(eq(organisations.id, row.organisationId)).get()!
  const visible = isVisible({ ...row, organisationSuspended: org.suspended }, today)
  const done = new URL(request.url).searchParams.get('done')
  return {
    lng,
    id: row.id,
    title: pickTitle(row.title, lng, row.sourceLocale),
    organisation: { id: row.organisationId, name: org.name },
    status: row.status,
    moderation: row.moderation,
    visible,
    validUntil: row.validUntil ? formatDate(row.validUntil, lng) : null,
    values: postingValues(row),
    options: await postingFormOptions(lng),
    missing: missingLocales(row.title).map((locale) => ({ locale, name: isLocale(locale) ? localeNames[locale] : locale })),
    requests: translationsOf(db, row.id)
      .filter((r) => r.state === 'open' || r.state === 'submitted')
      .map((r) => ({ id: r.id, locale: r.locale, name: isLocale(r.locale) ? localeNames[r.locale] : r.locale, state: r.state, title: r.title, body: r.body })),
    done: done === 'publish' || done === 'save' ? `editor:done.${done}` : null,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const session = requireSession(request, lng)
  const values = await readForm(request, postingLists)
  const id = params.id ?? ''
  const context = commands(session)
  const intent = values.intent ?? ''
  const outcome = await guarded(() => {
    switch (intent) {
      case 'requestTranslation':
        return requestTranslation(context, id, values.locale)
      case 'approveTranslation':
        return reviewTranslation(context, Number(values.request), 'approve', values)
      case 'declineTranslation':
        return reviewTranslation(context, Number(values.request), 'decline', values)
      default:
        return updatePosting(context, id, intent, values)
    }
  })
  if (!outcome.ok) return rejected(outcome.errors, values)
  return accepted(`editor:done.${intent}`)
}

export default function EditPosting() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation('editor')
  const lifecycle: Array<{ intent: string; label: string }> =
    data.status === 'draft'
      ? [
          { intent: 'save', label: t('posting.saveDraft') },
          { intent: 'publish', label: t('posting.publish') },
        ]
      : data.status === 'published'
        ? [{ intent: 'save', label: t('posting.saveChanges') }]
        : [
            { intent: 'save', label: t('posting.saveChanges') },
            { intent: 'publish', label: t('posting.publishAgain') },
          ]
  // A rejected lifecycle or translation form must not fill the posting form with its values.
  const formReply = reply && ['save', 'publish'].includes(reply.values.intent ?? '') ? reply : undefined
  return (
    <section>
      <p>
        <Link to={`/${data.lng}/manage/organisations/${data.organisation.id}`}>
          <IsolatedText t={t} i18nKey="posting.backTo" values={{ organisation: data.organisation.name }} />
        </Link>
      </p>
      <h1 dir="auto">{data.title}</h1>
      <FormMessages reply={reply?.done ? reply : (reply ?? (data.done ? { errors: {}, values: {}, done: data.done } : undefined))} />
      <p>
        {t(`status.${data.status}`)}
        {data.moderation !== 'visible' ? <> · {t(`moderation.${data.moderation}`)}</> : null}
        {data.validUntil ? <> · {t('posting.until', { date: data.validUntil })}</> : null}
        {data.visible ? (
          <>
            {' '}
            · <Link to={`/${data.lng}/postings/${data.id}`}>{t('posting.view')}</Link>
          </>
        ) : null}
      </p>
      <div className="button-row">
        {data.status === 'published' ? (
          <>
            <LifecycleButton intent="fulfil" label={t('posting.fulfil')} />
            <LifecycleButton intent="withdraw" label={t('posting.withdraw')} />
          </>
        ) : null}
        {data.validUntil ? (
          <div id="renew">
            <LifecycleButton intent="renew" label={t('posting.renew')} />
          </div>
        ) : null}
      </div>
      <h2>{t('posting.edit')}</h2>
      <PostingForm values={data.values} options={data.options} reply={formReply} buttons={lifecycle} />
      <h2 id="translations">{t('translations.title')}</h2>
      {data.missing.length === 0 ? (
        <p>{t('translations.complete')}</p>
      ) : (
        <>
          <p>{t('translations.missing', { languages: data.missing.map((m) => m.name).join(' · ') })}</p>
          <Form method="post" className="stack narrow">
            <input type="hidden" name="intent" value="requestTranslation" />
            <div className="field">
              <label htmlFor="field-locale">{t('translations.ask')}</label>
              <select id="field-locale" name="locale">
                {data.missing.map((m) => (
                  <option key={m.locale} value={m.locale}>
                    {m.name}
                  </option>
                ))}
              </select>
              {reply?.errors.locale ? <p className="field-error">{t(reply.errors.locale)}</p> : null}
            </div>
            <button type="submit">{t('translations.send')}</button>
          </Form>
        </>
      )}
      {data.requests.length > 0 ? (
        <ul className="sessions">
          {data.requests.map((r) => (
            <li key={r.id}>
              {r.state === 'open' ? (
                <span>{t('translations.waiting', { language: r.name })}</span>
              ) : (
                <Form method="post" className="stack" aria-labelledby={`review-${r.id}`}>
                  <h3 id={`review-${r.id}`}>{t('translations.review', { language: r.name })}</h3>
                  <input type="hidden" name="request" value={r.id} />
                  <TextField name="title" idSuffix={String(r.id)} label={t('translations.fieldTitle')} reply={reply?.values.request === String(r.id) ? reply : undefined} value={r.title ?? ''} />
                  <TextField name="body" idSuffix={String(r.id)} label={t('translations.fieldBody')} reply={reply?.values.request === String(r.id) ? reply : undefined} value={r.body ?? ''} textarea />
                  <div className="button-row">
                    <button type="submit" name="intent" value="approveTranslation">
                      {t('translations.approve')}
                    </button>
                    <button type="submit" name="intent" value="declineTranslation" className="danger">
                      {t('translations.decline')}
                    </button>
                  </div>
                </Form>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

function LifecycleButton({ intent, label }: { intent: string; label: string }) {
  return (
    <Form method="post">
      <button type="submit" name="intent" value={intent}>
        {label}
      </button>
    </Form>
  )
}
