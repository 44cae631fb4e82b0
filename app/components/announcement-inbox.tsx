import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { AnnouncementView } from '../lib/announcements.server'
import { AnnouncementNote } from './announcement-item'
import { LinkedText } from './linked-text'

type Item = AnnouncementView & { unread: boolean; open: boolean }

/**
 * The volunteer's announcements, unread first. Opening one (a plain link, no JavaScript
 * needed) shows its text and marks it read.
 */
export function AnnouncementInbox({ items, lng }: { items: Item[]; lng: string }) {
  const { t } = useTranslation('volunteering')
  return (
    <>
      <h2 id="announcements">{t('people.inbox.title')}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('people.inbox.empty')}</p>
      ) : (
        <ul className="inbox">
          {items.map((item) => (
            <li key={item.id} id={`announcement-${item.id}`} className={item.unread ? 'unread' : undefined}>
              <p className="inbox-subject">
                {item.unread ? <span className="badge">{t('people.inbox.unread')}</span> : null}{' '}
                {item.open ? (
                  <strong lang={item.lang} dir="auto">
                    {item.subject}
                  </strong>
                ) : (
                  <Link to={`/${lng}/volunteer?announcement=${item.id}#announcement-${item.id}`} lang={item.lang} dir="auto">
                    {item.subject}
                  </Link>
                )}
              </p>
              <p className="meta">
                <span>{t('people.announcement.sentAt', { date: item.sentAt })}</span>
                {item.groups.length > 0 ? (
                  <span>
                    {t('people.announcement.to')} <bdi>{item.groups.join(' · ')}</bdi>
                  </span>
                ) : null}
              </p>
              {item.open ? (
                <>
                  <AnnouncementNote announcement={item} />
                  <div className="message-body" lang={item.lang} dir="auto">
                    <LinkedText text={item.body} />
                  </div>
                  <p>
                    <Link to={`/${lng}/volunteer#announcements`}>{t('people.inbox.close')}</Link>
                  </p>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
