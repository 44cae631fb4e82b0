import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { GroupView } from '../lib/groups.server'
import { Localized } from './localized'
import { ScheduleText } from './schedule-text'

export function GroupCard({ group, lng, level = 2 }: { group: GroupView; lng: string; level?: 2 | 3 }) {
  const { t } = useTranslation(['groups', 'common'])
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <article className="card">
      <p className="badge">{t(`common:groupKind.${group.kind}`)}</p>
      <Heading className="card-title">
        <Link to={`/${lng}/groups/${group.id}`}>
          <Localized value={group.name} note={false} />
        </Link>
      </Heading>
      <Localized value={group.summary} as="p" className="excerpt" note={false} />
      <p className="meta">
        {group.schedule ? (
          <span>
            <ScheduleText schedule={group.schedule} />
          </span>
        ) : null}
        {group.district ? <span>{group.district.name}</span> : null}
      </p>
      {group.schedule?.next[0] ? (
        <p>{t('card.next', { date: group.schedule.next[0].label })}</p>
      ) : null}
    </article>
  )
}
