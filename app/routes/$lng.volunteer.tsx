import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { eq } from 'drizzle-orm'
import { helpLanguages } from '../../db/commands/form-fields'
import { setLanguages, submitTranslation, translationQueue } from '../../db/commands/translations'
import { markAnnouncementRead } from '../../db/commands/announcements'
import { setProfile } from '../../db/commands/volunteers'
import { volunteerProfiles } from '../../db/schema'
import { AnnouncementInbox } from '../components/announcement-inbox'
import { ChoiceField, TextField } from '../components/editor-fields'
import { FormMessages, type Reply } from '../components/form-field'
import { VolunteerProfileForm } from '../components/volunteer-profile-form'
import { OwnCheck } from '../components/check-form'
import { checkSection } from '../lib/checks.server'
import { VolunteerSessions } from '../components/volunteer-sessions'
import { renewFeedLink, volunteerSessions } from '../lib/sessions.server'
import { inboxSection, openedAnnouncement } from '../lib/announcements.server'
import { profileSection } from '../lib/volunteers.server'
import { isLocale, localeNames } from '../i18n'
import { commands, guarded, requirePermission } from '../lib/auth.server'
import { languageName } from '../lib/format'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'
import { pickText } from '../lib/text'

/** The volunteer's own page: the languages they speak and write, and translations they can take. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, db, t, today } = await site(params)
  const session = requirePermission(request, lng, 'translation:submit:own')
  const profile = db.select().from(volunteerProfiles).where(eq(volunteerProfiles.userId, session.user.id)).get()
  // Opening an announcement marks it read; it keeps its place in the list until the next visit.
  const opened = openedAnnouncement(request)
  const inbox = inboxSection(db, session.user, lng, opened)
  if (inbox.some((item) => item.open && item.unread)) markAnnouncementRead(commands(session), opened!)
  return {
    lng,
    title: t('editor:volunteer.title'),
    inbox: inbox.map((item) => (item.open ? { ...item, unread: false } : item)),
    volunteerProfile: profileSection(db, session.user.id, lng),
    check: checkSection(db, session.user, session.user.id, lng, new Date()),
    sessions: volunteerSessions(session.user.id, lng, today),
    speaks: profile?.speaks ?? [],
    writes: profile?.writes ?? [],
    languages: helpLanguages.map((tag) => ({ value: tag, label: languageName(tag, lng) })),
    queue: translationQueue(db, session.user).map((r) => ({
      id: r.id,
      language: isLocale(r.locale) ? localeNames[r.locale] : languageName(r.locale, lng),
      title: pickText(r.title, r.sourceLocale, r.sourceLocale)!,
      body: pickText(r.body, r.sourceLocale, r.sourceLocale),
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const session = requirePermission(request, lng, 'translation:submit:own')
  const values = await readForm(request, ['speaks', 'writes', 'skills', 'districts', 'availability'])
  const context = commands(session)
  const outcome = await guarded(() => {
    switch (values.intent) {
      case 'languages':
        return setLanguages(context, values)
      case 'submitTranslation':
        return submitTranslation(context, Number(values.request), values)
      case 'profile':
        return setProfile(context, values)
      case 'renewFeed':
        return renewFeedLink(session)
      default:
        return { ok: false as const, errors: { form: 'editor:errors.invalid' } }
    }
  })
  if (!outcome.ok) return rejected(outcome.errors, values)
  // The new calendar address is shown this once: only its hash is kept.
  if (values.intent === 'renewFeed') return accepted('volunteering:sessions.done.feedRenewed', { intent: 'renewFeed', feed: String(outcome.value) })
  return accepted(values.intent === 'profile' ? 'volunteering:people.done.profile' : `editor:done.${values.intent}`)
}

export default function Volunteer() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation('editor')
  const languagesReply = reply?.values.intent === 'languages' && !reply.done ? reply : undefined
  return (
    <section>
      <h1>{t('volunteer.title')}</h1>
      <FormMessages reply={reply} />
      <AnnouncementInbox items={data.inbox} lng={data.lng} />
      <VolunteerSessions data={data.sessions} lng={data.lng} reply={reply} />
      <h2 id="languages">{t('volunteer.languagesTitle')}</h2>
      <p>{t('volunteer.languagesLead')}</p>
      <Form method="post" className="stack" aria-labelledby="languages">
        <input type="hidden" name="intent" value="languages" />
        <ChoiceField name="speaks" label={t('volunteer.speaks')} reply={languagesReply} value={data.speaks} options={data.languages} multiple />
        <ChoiceField name="writes" label={t('volunteer.writes')} reply={languagesReply} value={data.writes} options={data.languages} multiple />
        <button type="submit">{t('volunteer.saveLanguages')}</button>
      </Form>
      <VolunteerProfileForm values={data.volunteerProfile.values} options={data.volunteerProfile.options} reply={reply} />
      {data.check ? <OwnCheck check={data.check} /> : null}
      <h2>{t('volunteer.queueTitle')}</h2>
      {data.writes.length === 0 ? (
        <p className="empty">{t('volunteer.queueNoLanguages')}</p>
      ) : data.queue.length === 0 ? (
        <p className="empty">{t('volunteer.queueEmpty')}</p>
      ) : (
        <ul className="sessions">
          {data.queue.map((r) => {
            const own = reply?.values.request === String(r.id) && !reply.done ? reply : undefined
            return (
              <li key={r.id}>
                <Form method="post" className="stack" aria-labelledby={`request-${r.id}`}>
                  <h3 id={`request-${r.id}`}>{t('volunteer.translateInto', { language: r.language })}</h3>
                  <p className="hint">{t('volunteer.original')}</p>
                  <blockquote lang={r.title.lang} dir="auto">
                    <strong>{r.title.text}</strong>
                    {r.body ? <p>{r.body.text}</p> : null}
                  </blockquote>
                  <input type="hidden" name="intent" value="submitTranslation" />
                  <input type="hidden" name="request" value={r.id} />
                  <TextField name="title" idSuffix={String(r.id)} label={t('volunteer.yourTitle', { language: r.language })} reply={own} />
                  <TextField name="body" idSuffix={String(r.id)} label={t('volunteer.yourBody', { language: r.language })} reply={own} textarea />
                  <p className="hint">{t('volunteer.reviewNote')}</p>
                  <button type="submit">{t('volunteer.submit')}</button>
                </Form>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
