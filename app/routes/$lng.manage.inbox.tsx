import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Localized } from '../components/localized'
import { requirePermission } from '../lib/auth.server'
import { inboxPage } from '../lib/conversations.server'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'

/** Answers to the postings of the organisations the person looks after; nobody else's. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const session = requirePermission(request, lng, 'manage:view:own')
  return { lng, title: t('conversations:inbox.title'), groups: inboxPage(session.user, lng) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export default function Inbox() {
  const { lng, groups } = useLoaderData<typeof loader>()
  const { t } = useTranslation('conversations')
  return (
    <section>
      <h1>{t('inbox.title')}</h1>
      {groups === null ? (
        <p className="empty">{t('inbox.noOrganisations')}</p>
      ) : groups.length === 0 ? (
        <p className="empty">{t('inbox.empty')}</p>
      ) : (
        <>
          <p>{t('inbox.lead')}</p>
          {groups.map((group) => (
            <section key={group.posting.id} aria-labelledby={`posting-${group.posting.id}`}>
              <h2 id={`posting-${group.posting.id}`}>
                <Link to={`/${lng}/postings/${group.posting.id}`}>
                  <Localized value={group.posting.title} note={false} />
                </Link>
              </h2>
              <p className="meta">
                <bdi dir="auto">{group.organisation}</bdi>
              </p>
              <ul className="sessions">
                {group.conversations.map((c) => (
                  <li key={c.id}>
                    <span>
                      <Link to={`/${lng}/manage/conversations/${c.id}`} dir="auto">
                        {c.unread ? <strong>{c.visitor}</strong> : c.visitor}
                      </Link>
                      {c.unread ? <> · {t('inbox.unread')}</> : null}
                      {c.closed ? <> · {t('inbox.closed')}</> : null}
                    </span>
                    <span className="meta">{t('inbox.last', { when: c.when })}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  )
}
