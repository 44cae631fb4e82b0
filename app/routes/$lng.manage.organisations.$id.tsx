import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { organisationForEditor, postingsOfOrganisation, updateOrganisation } from '../../db/commands/organisations'
import { pickTitle } from '../../db/commands/translations'
import { FormMessages, type Reply } from '../components/form-field'
import { OrganisationForm } from '../components/organisation-form'
import { commands, guarded, requireSession } from '../lib/auth.server'
import { organisationFormOptions, organisationLists, organisationValues } from '../lib/editor.server'
import { formatDate } from '../lib/format'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { notFound, site } from '../lib/site.server'

/** An organisation's own page for its owners and editors: its postings (drafts too) and its profile. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, db } = await site(params)
  const session = requireSession(request, lng)
  const row = await guarded(() => organisationForEditor(db, session.user, params.id ?? ''))
  if (!row) notFound()
  const own = postingsOfOrganisation(db, session.user, row.id)
  const done = new URL(request.url).searchParams.get('done')
  return {
    lng,
    id: row.id,
    title: row.name,
    verified: row.verified,
    suspended: row.suspended,
    role: session.user.organisations[row.id],
    values: organisationValues(row),
    options: await organisationFormOptions(lng),
    postings: own.map((p) => ({ id: p.id, type: p.type, status: p.status, moderation: p.moderation, title: pickTitle(p.title, lng, p.sourceLocale), until: p.validUntil ? formatDate(p.validUntil, lng) : null })),
    done: done === 'register' ? 'editor:done.register' : null,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const session = requireSession(request, lng)
  const values = await readForm(request, organisationLists)
  const outcome = await guarded(() => updateOrganisation(commands(session), params.id ?? '', values))
  if (!outcome.ok) return rejected(outcome.errors, values)
  return accepted('editor:done.profile')
}

export default function ManageOrganisation() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation(['editor', 'account'])
  const shown = reply ?? (data.done ? { errors: {}, values: {}, done: data.done } : undefined)
  return (
    <section>
      <h1 dir="auto">{data.title}</h1>
      <FormMessages reply={shown} />
      <p>
        {data.verified ? t('organisation.isVerified') : t('organisation.notVerified')}
        {data.suspended ? <> · {t('organisation.isSuspended')}</> : null} ·{' '}
        <Link to={`/${data.lng}/organisations/${data.id}`}>{t('organisation.view')}</Link>
        {data.role === 'owner' ? (
          <>
            {' '}
            · <Link to={`/${data.lng}/manage/organisations/${data.id}/members`}>{t('account:manage.members')}</Link>
          </>
        ) : null}
      </p>
      <h2>{t('organisation.postings')}</h2>
      <p>
        <Link to={`/${data.lng}/manage/postings/new?organisation=${data.id}`}>{t('organisation.newPosting')}</Link>
      </p>
      {data.postings.length === 0 ? (
        <p className="empty">{t('organisation.noPostings')}</p>
      ) : (
        <ul className="sessions">
          {data.postings.map((p) => (
            <li key={p.id}>
              <Link to={`/${data.lng}/manage/postings/${p.id}`} dir="auto">
                {p.title}
              </Link>
              <span>
                {t(`posting.${p.type}`)} · {t(`status.${p.status}`)}
                {p.moderation !== 'visible' ? <> · {t(`moderation.${p.moderation}`)}</> : null}
                {p.until ? <> · {t('posting.until', { date: p.until })}</> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('organisation.profile')}</h2>
      <OrganisationForm values={data.values} options={data.options} reply={reply?.done ? undefined : reply} submit={t('organisation.save')} />
    </section>
  )
}
