import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { announceToGroups, announcementFromForm, translateAnnouncement } from '../../db/commands/announcements'
import { failure } from '../../db/commands/run'
import { can } from '../../db/permissions'
import { announcementsOfGroup, isActiveMember } from '../../db/queries/announcements'
import { getGroup, listGroups } from '../../db/queries/groups'
import { AnnounceForm } from '../components/announce-form'
import { AnnouncementItem } from '../components/announcement-item'
import { FormMessages, type Reply } from '../components/form-field'
import { Localized } from '../components/localized'
import { announcementViews } from '../lib/announcements.server'
import { commands, forbidden, guarded, requireSession } from '../lib/auth.server'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { notFound, site } from '../lib/site.server'
import { pickText } from '../lib/text'

/**
 * A group's announcements: its active members read them in their language; its leads and
 * coordinators also write new ones (to several groups, where they may), see how many have
 * read each, and add translations.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, db, t } = await site(params)
  const session = requireSession(request, lng)
  const group = getGroup(db, params.id ?? '')
  if (!group) notFound()
  const user = session.user
  const manages = can(user, 'group:announce:led', { groupId: group.id })
  if (!manages && !isActiveMember(db, user.id, group.id)) throw forbidden()
  const name = pickText(group.name, lng, 'de')!
  // Those who may write to more than this group choose; everyone else writes to this one.
  const others = manages ? listGroups(db).filter((g) => g.id !== group.id && can(user, 'group:announce:led', { groupId: g.id })) : []
  const choices = others.length > 0 ? [{ value: group.id, label: name.text }, ...others.map((g) => ({ value: g.id, label: pickText(g.name, lng, 'de')?.text ?? g.id }))] : null
  return {
    lng,
    title: `${t('volunteering:people.group.title')} – ${name.text}`,
    group: { id: group.id, name },
    manages,
    choices,
    announcements: announcementViews(db, announcementsOfGroup(db, group.id, 20), lng, user),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng, db } = await site(params)
  const session = requireSession(request, lng)
  const group = getGroup(db, params.id ?? '')
  if (!group) notFound()
  if (!can(session.user, 'group:announce:led', { groupId: group.id })) throw forbidden()
  const values = await readForm(request, ['groups'])
  const context = commands(session)
  const intent = values.intent ?? ''
  const outcome = await guarded(() => {
    switch (intent) {
      case 'announce':
        return announceToGroups(
          context,
          (values.groups ?? '').split(',').filter(Boolean),
          announcementFromForm(values),
        )
      case 'translate': {
        const texts = announcementFromForm(values)
        return translateAnnouncement(context, Number(values.announcement), { subject: texts.subject, body: texts.body }, { groupId: group.id })
      }
      default:
        return failure('form', 'volunteering:people.errors.invalid')
    }
  })
  if (!outcome.ok) return rejected(outcome.errors, values)
  const sent = outcome.value && 'id' in outcome.value ? String(outcome.value.id) : ''
  return accepted(`volunteering:people.done.${intent}`, { intent, sent })
}

export default function GroupAnnouncements() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation('volunteering')
  return (
    <section>
      <p>
        <Link to={`/${data.lng}/groups/${data.group.id}`}>
          <Localized value={data.group.name} note={false} />
        </Link>
      </p>
      <h1>{t('people.group.title')}</h1>
      <FormMessages reply={reply} />
      {data.manages ? (
        <>
          <h2 id="announce">{t('people.form.title')}</h2>
          <p>{t('people.form.lead')}</p>
          <AnnounceForm reply={reply} lng={data.lng} groups={data.choices ?? undefined} checked={[data.group.id]} hidden={data.choices ? {} : { groups: data.group.id }} labelledBy="announce" />
        </>
      ) : null}
      <h2 id="sent">{t('people.group.list')}</h2>
      {data.announcements.length === 0 ? (
        <p className="empty">{t('people.group.empty')}</p>
      ) : (
        data.announcements.map((announcement) => <AnnouncementItem key={announcement.id} announcement={announcement} reply={reply} />)
      )}
    </section>
  )
}
