import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatList } from '../lib/format'
import { Field, type Reply } from './form-field'
import { IsolatedText } from './isolated-text'
import { replyFor } from './lead-sessions'

type Person = { userId: string; name: string; email: string; role: 'lead' | 'member'; speaks: string[]; writes: string[]; skills: string[]; noShows: number; talk: boolean; check: string | null }

function UserButton({ intent, user, label, danger = false }: { intent: string; user: string; label: string; danger?: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="user" value={user} />
      <button type="submit" className={danger ? 'danger' : undefined}>
        {label}
      </button>
    </Form>
  )
}

/** Who leads the group; coordinators add a lead by e-mail (an existing account) and take the lead back. */
export function Leads({ leads, coordinator, reply }: { leads: Array<{ id: string; name: string; email: string }>; coordinator: boolean; reply: Reply }) {
  const { t } = useTranslation(['volunteering', 'account'])
  return (
    <section aria-labelledby="leads">
      <h2 id="leads">{t('lead.leads.title')}</h2>
      {leads.length === 0 ? <p className="empty">{t('lead.leads.none')}</p> : null}
      <ul className="sessions">
        {leads.map((l) => (
          <li key={l.id}>
            <span>
              <bdi>{l.name}</bdi> · <bdi>{l.email}</bdi>
            </span>
            {coordinator ? <UserButton intent="removeLead" user={l.id} label={t('lead.leads.remove')} /> : null}
          </li>
        ))}
      </ul>
      {coordinator ? (
        <>
          <h3 id="add-lead">{t('lead.leads.add')}</h3>
          <Form method="post" className="stack narrow" aria-labelledby="add-lead" noValidate>
            <input type="hidden" name="intent" value="addLead" />
            <Field name="email" type="email" autoComplete="off" label={t('account:fields.email')} hint={t('lead.leads.addHint')} reply={replyFor(reply, 'addLead')} />
            <button type="submit">{t('lead.leads.addButton')}</button>
          </Form>
        </>
      ) : null}
    </section>
  )
}

function Languages({ person }: { person: Person }) {
  const { t, i18n } = useTranslation('volunteering')
  return (
    <>
      {person.speaks.length > 0 ? <p className="meta">{t('lead.members.speaks', { languages: formatList(person.speaks, i18n.language) })}</p> : null}
      {person.writes.length > 0 ? <p className="meta">{t('lead.members.writes', { languages: formatList(person.writes, i18n.language) })}</p> : null}
      {person.skills.length > 0 ? (
        <p className="meta">
          {t('lead.members.skills')} <span dir="auto">{person.skills.join(', ')}</span>
        </p>
      ) : null}
    </>
  )
}

/** Requests to join (approve or decline), then the members with their languages, skills and no-shows. */
export function Members({ requests, members, csv, requiresCheck }: { requests: Person[]; members: Person[]; csv: string; requiresCheck: boolean }) {
  const { t } = useTranslation('volunteering')
  return (
    <>
      <section aria-labelledby="requests">
        <h2 id="requests">{t('lead.requests.title')}</h2>
        {requests.length === 0 ? <p className="empty">{t('lead.requests.none')}</p> : null}
        <ul className="sessions">
          {requests.map((r) => (
            <li key={r.userId}>
              <div>
                <p>
                  <bdi>{r.name}</bdi> · <bdi>{r.email}</bdi>
                </p>
                <Languages person={r} />
              </div>
              <span className="actions">
                <UserButton intent="approve" user={r.userId} label={t('lead.requests.approve')} />
                <UserButton intent="decline" user={r.userId} label={t('lead.requests.decline')} danger />
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="members">
        <h2 id="members">{t('lead.members.title')}</h2>
        <p>
          <a href={csv} download>
            {t('lead.members.csv')}
          </a>
        </p>
        {members.length === 0 ? <p className="empty">{t('lead.members.none')}</p> : null}
        <ul className="sessions">
          {members.map((m) => (
            <li key={m.userId}>
              <div>
                <p>
                  <bdi>{m.name}</bdi> · <bdi>{m.email}</bdi> · {t(`lead.members.role.${m.role}`)}
                </p>
                <Languages person={m} />
                {requiresCheck ? <p className={m.check ? 'meta' : 'notice'}>{m.check ? t('checks.validUntil', { date: m.check }) : t('checks.missing')}</p> : null}
                {m.talk ? (
                  <p className="notice">
                    <IsolatedText t={t} i18nKey="lead.members.talk" values={{ name: m.name, n: String(m.noShows) }} />
                  </p>
                ) : m.noShows > 0 ? (
                  <p className="meta">{t('lead.members.noShows', { n: m.noShows })}</p>
                ) : null}
              </div>
              {m.role === 'member' ? <UserButton intent="remove" user={m.userId} label={t('lead.members.remove')} danger /> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
