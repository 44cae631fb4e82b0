import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Pagination } from '../components/pagination'
import { requirePermission } from '../lib/auth.server'
import { pageMeta } from '../lib/meta'
import { auditPage } from '../lib/moderation.server'
import { pageParam, queryParams, site } from '../lib/site.server'

const filters = z.object({
  subject: z.string().trim().max(200).optional(),
  person: z.string().trim().max(254).optional(),
  page: pageParam,
})

/** The audit log for coordinators: every change, newest first, by item or by person. Read only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const session = requirePermission(request, lng, 'audit:view:any')
  const query = queryParams(request, filters)
  const log = auditPage(session, lng, { subject: query.subject || undefined, person: query.person || undefined }, query.page)
  return { lng, title: t('moderation:audit.title'), subject: query.subject ?? '', person: query.person ?? '', page: Math.min(query.page, log.pages), ...log }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export default function AuditLog() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('moderation')
  return (
    <section>
      <h1>{data.title}</h1>
      <p>{t('audit.lead')}</p>
      <p>
        <Link to={`/${data.lng}/moderation`}>{t('queue.title')}</Link>
      </p>
      <Form method="get" className="filters" aria-label={t('audit.filter')}>
        <div className="field">
          <label htmlFor="audit-subject">{t('audit.subject')}</label>
          <input id="audit-subject" name="subject" defaultValue={data.subject} dir="auto" />
        </div>
        <div className="field">
          <label htmlFor="audit-person">{t('audit.person')}</label>
          <input id="audit-person" name="person" defaultValue={data.person} dir="auto" />
        </div>
        <button type="submit">{t('audit.filter')}</button>
      </Form>
      <p>{t('audit.count', { count: data.total })}</p>
      {data.rows.length === 0 ? (
        <p className="empty">{t('audit.none')}</p>
      ) : (
        <ol className="sessions">
          {data.rows.map((row) => (
            <li key={row.id}>
              <span>
                {row.at} · <code>{row.action}</code> ·{' '}
                {row.subjectId ? (
                  <Link to={`?subject=${encodeURIComponent(`${row.subjectType}:${row.subjectId}`)}`}>
                    <bdi>{`${row.subjectType}:${row.subjectId}`}</bdi>
                  </Link>
                ) : (
                  <bdi>{row.subjectType}</bdi>
                )}{' '}
                ·{' '}
                {row.actorId ? (
                  <Link to={`?person=${encodeURIComponent(row.actorEmail ?? row.actorId)}`}>
                    <bdi>{row.actorName ?? row.actorId}</bdi>
                  </Link>
                ) : (
                  t('audit.nobody')
                )}
              </span>
              {row.reason ? <span dir="auto">{row.reason}</span> : null}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={data.page} pages={data.pages} />
    </section>
  )
}
