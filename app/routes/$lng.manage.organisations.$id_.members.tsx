import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { eq } from 'drizzle-orm'
import { invite, listMembers, pendingInvitations, removeMember, transferOwnership } from '../../db/commands/members'
import { systemClock } from '../../db/clock'
import { can, canManageMembers } from '../../db/permissions'
import { organisations } from '../../db/schema'
import { Field, FormMessages, type Reply } from '../components/form-field'
import { IsolatedText } from '../components/isolated-text'
import { commands, forbidden, guarded, requireSession } from '../lib/auth.server'
import { getDb } from '../lib/db.server'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { formatDate } from '../lib/format'
import { pageMeta } from '../lib/meta'
import { notFound, site } from '../lib/site.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const session = requireSession(request, lng)
  const id = params.id ?? ''
  const org = getDb().select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, id)).get()
  if (!org) notFound()
  // Owners of this organisation and coordinators only; everyone else gets 403 from listMembers.
  const members = await guarded(() => listMembers(getDb(), session.user, id))
  const invitations = pendingInvitations(getDb(), session.user, id, systemClock.now()).map((i) => ({ ...i, until: formatDate(i.expiresAt.slice(0, 10), lng) }))
  return {
    lng,
    // Plain text for <title>; the heading isolates the name (<bdi>) with IsolatedText.
    title: t('manage:members.title', { organisation: org.name }).replace(/<\/?bdi>/g, ''),
    organisation: org,
    me: session.user.id,
    canInviteOwners: can(session.user, 'organisation:invite:any'),
    members,
    invitations,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const session = requireSession(request, lng)
  const values = await readForm(request)
  const organisation = params.id ?? ''
  // The organisation comes from the URL, never from the form: a changed hidden field changes nothing.
  const input = { ...values, organisation, locale: lng }
  if (!canManageMembers(session.user, organisation)) throw forbidden()
  const context = commands(session)
  const outcome = await guarded(() => {
    switch (values.intent) {
      case 'invite':
        return invite(context, input)
      case 'remove':
        return removeMember(context, input)
      case 'transfer':
        return transferOwnership(context, input)
      default:
        return { ok: false as const, errors: { form: 'account:errors.invalid' } }
    }
  })
  if (!outcome.ok) return rejected(outcome.errors, values)
  return accepted(`manage:members.done.${values.intent}`)
}

export default function Members() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation(['manage', 'account'])
  return (
    <section>
      <h1>
        <IsolatedText t={t} i18nKey="members.title" values={{ organisation: data.organisation.name }} />
      </h1>
      <FormMessages reply={reply} />
      <h2>{t('members.current')}</h2>
      <ul className="sessions">
        {data.members.map((m) => (
          <li key={m.userId}>
            <span>
              <bdi>{m.name}</bdi> · <bdi>{m.email}</bdi> · {t(`account:roles.${m.role}`)}
            </span>
            <span className="actions">
              {m.role === 'editor' ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="transfer" />
                  <input type="hidden" name="user" value={m.userId} />
                  <button type="submit">{t('members.transfer')}</button>
                </Form>
              ) : null}
              {m.userId === data.me && m.role === 'owner' ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="user" value={m.userId} />
                  <button type="submit" className="danger">
                    {t('members.remove')}
                  </button>
                </Form>
              )}
            </span>
          </li>
        ))}
      </ul>
      {data.invitations.length > 0 ? (
        <>
          <h2>{t('members.pending')}</h2>
          <ul>
            {data.invitations.map((i) => (
              <li key={`${i.email}-${i.expiresAt}`}>
                <bdi>{i.email}</bdi> · {t(`account:roles.${i.role ?? 'editor'}`)} · {t('members.until', { date: i.until })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 id="invite">{t('members.invite')}</h2>
      <p>{t('members.inviteLead')}</p>
      <Form method="post" className="stack narrow" aria-labelledby="invite" noValidate>
        <input type="hidden" name="intent" value="invite" />
        <Field name="email" type="email" autoComplete="off" label={t('account:fields.email')} reply={reply?.values.intent === 'invite' ? reply : undefined} />
        <div className="field">
          <label htmlFor="field-role">{t('members.role')}</label>
          <select id="field-role" name="role" defaultValue="editor">
            <option value="editor">{t('account:roles.editor')}</option>
            {data.canInviteOwners ? <option value="owner">{t('account:roles.owner')}</option> : null}
          </select>
        </div>
        <button type="submit">{t('members.send')}</button>
      </Form>
    </section>
  )
}
