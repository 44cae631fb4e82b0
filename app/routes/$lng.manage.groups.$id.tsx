import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { addLead, decideJoinRequest, markAttendance, removeMember, setLead } from '../../db/commands/group-members'
import { closeGroup, remindUnanswered } from '../../db/commands/group-transitions'
import { addExtraDate, cancelSession, groupForLead, updateGroup } from '../../db/commands/groups'
import { FormMessages, type Reply } from '../components/form-field'
import { GroupForm } from '../components/group-form'
import { Leads, Members } from '../components/lead-members'
import { Attendance, replyFor, UpcomingSessions } from '../components/lead-sessions'
import { CloseGroup, TransitionStatus } from '../components/lead-transition'
import { commands, guarded, requireSession } from '../lib/auth.server'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { groupFormOptions, groupLists, groupValues, leadPage, successorOptions } from '../lib/lead.server'
import { pageMeta } from '../lib/meta'
import { notFound, site } from '../lib/site.server'
import { pickText } from '../lib/text'

/** A group as its leads and coordinators run it; 403 for everyone else, whatever the id. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, db, today } = await site(params)
  const session = requireSession(request, lng)
  const id = params.id ?? ''
  const row = await guarded(() => groupForLead(db, session.user, id))
  if (!row) notFound()
  const page = leadPage(db, session.user, row, lng, today, new Date())
  const done = new URL(request.url).searchParams.get('done')
  return {
    lng,
    id,
    name: pickText(row.name, lng, 'de')!,
    closed: row.state === 'closed',
    values: groupValues(row),
    options: await groupFormOptions(lng),
    successors: page.coordinator && row.state === 'active' ? successorOptions(db, id, lng) : [],
    done: done === 'create' ? 'volunteering:lead.done.create' : null,
    ...page,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.name.text)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng, db } = await site(params)
  const session = requireSession(request, lng)
  const id = params.id ?? ''
  // 403 for people who may not run this group, 404 for a group that does not exist.
  if (!(await guarded(() => groupForLead(db, session.user, id)))) notFound()
  const values = await readForm(request, groupLists)
  const context = commands(session)
  const intent = values.intent ?? ''
  const user = values.user ?? ''
  const outcome = await guarded(() => {
    // The group comes from the URL, never from the form; each command checks the person's permission for it.
    switch (intent) {
      case 'save':
        return updateGroup(context, id, values)
      case 'addLead':
        return addLead(context, id, values.email ?? '')
      case 'removeLead':
        return setLead(context, id, user, false)
      case 'cancelSession':
        return cancelSession(context, id, values.date ?? '', values.reason ?? '')
      case 'addExtraDate':
        return addExtraDate(context, id, values.date ?? '', values.start ?? '', values.end ?? '')
      case 'approve':
      case 'decline':
        return decideJoinRequest(context, id, user, intent)
      case 'remove':
        return removeMember(context, id, user)
      case 'attendance':
        return markAttendance(context, id, values.date ?? '', user, values.attendance ?? '')
      case 'close':
        return closeGroup(context, id, values)
      case 'remind':
        return remindUnanswered(context, id)
      default:
        return { ok: false as const, errors: { form: 'editor:errors.invalid' } }
    }
  })
  if (!outcome.ok) return rejected(shown(intent, outcome.errors), values)
  return accepted(`volunteering:lead.done.${intent}`)
}

/** Forms whose date or person travel hidden: an error about those belongs to the form as a whole. */
const visibleFields: Record<string, string[]> = { cancelSession: ['reason'], attendance: [] }
function shown(intent: string, errors: Record<string, string>): Record<string, string> {
  const visible = visibleFields[intent]
  if (!visible) return errors
  const result: Record<string, string> = {}
  for (const [field, key] of Object.entries(errors)) result[visible.includes(field) ? field : 'form'] ??= key
  return result
}

export default function ManageGroup() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation('volunteering')
  const message = reply ?? (data.done ? { errors: {}, values: {}, done: data.done } : undefined)
  return (
    <section>
      <p>
        <Link to={`/${data.lng}/manage`}>{t('lead.backToManage')}</Link> · <Link to={`/${data.lng}/groups/${data.id}`}>{t('lead.publicPage')}</Link>
      </p>
      <h1 lang={data.name.lang} dir="auto">
        {data.name.text}
      </h1>
      {data.closed ? <p className="notice">{t('lead.closedNotice')}</p> : null}
      <FormMessages reply={message} />
      <nav aria-label={t('lead.sectionsNav')}>
        <ul className="chips">
          <li>
            <a href="#sessions">{t('lead.sessions.title')}</a>
          </li>
          <li>
            <a href="#members">{t('lead.members.title')}</a>
          </li>
          <li>
            <a href="#attendance">{t('lead.attendance.title')}</a>
          </li>
          <li>
            <a href="#edit">{t('lead.edit')}</a>
          </li>
        </ul>
      </nav>
      <UpcomingSessions sessions={data.sessions} reply={reply} closed={data.closed} />
      <Members requests={data.requests} members={data.members} requiresCheck={data.requiresCheck} csv={`/${data.lng}/manage/groups/${data.id}/members.csv`} />
      <Attendance past={data.past} />
      <Leads leads={data.leads} coordinator={data.coordinator} reply={reply} />
      <section aria-labelledby="edit">
        <h2 id="edit">{t('lead.edit')}</h2>
        <GroupForm values={data.values} options={data.options} reply={replyFor(reply, 'save')} submit={t('lead.save')} editing />
      </section>
      {data.transition ? <TransitionStatus status={data.transition} /> : data.coordinator ? <CloseGroup successors={data.successors} reply={reply} /> : null}
    </section>
  )
}
