import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { lapsingChecks } from '../../db/commands/checks'
import { announceToVolunteers, announcementFromForm, translateAnnouncement } from '../../db/commands/announcements'
import { failure } from '../../db/commands/run'
import { addSkill, removeSkill, renameSkill, skillFromForm, skillLabels, skillList } from '../../db/commands/volunteers'
import { todayInBerlin } from '../../db/dates'
import { announcementsToLists } from '../../db/queries/announcements'
import { AnnounceForm } from '../components/announce-form'
import { AnnouncementItem } from '../components/announcement-item'
import { SelectField } from '../components/editor-fields'
import { FormMessages, type Reply } from '../components/form-field'
import { Pagination } from '../components/pagination'
import { SkillsEditor } from '../components/skills-editor'
import { useSlotLabel, VolunteerDetails } from '../components/volunteer-details'
import { announcementViews } from '../lib/announcements.server'
import { commands, guarded, requirePermission } from '../lib/auth.server'
import { env } from '../lib/env.server'
import { formatDate, formatNumber } from '../lib/format'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'
import { postedFilters, volunteerFilters, volunteerOptions, volunteerResults } from '../lib/volunteers.server'

/** Coordinators find volunteers by language, skill, district and time, write to those found, and keep the skills list. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, db, t } = await site(params)
  const session = requirePermission(request, lng, 'volunteer:find:any')
  const options = volunteerOptions(db, lng)
  const { page, ignored, ...filters } = volunteerFilters(request, options)
  const shown = Object.fromEntries(Object.entries(filters).filter(([, value]) => value)) as Record<string, string>
  const labels = skillLabels(skillList(db), lng)
  const today = todayInBerlin()
  return {
    lng,
    title: t('volunteering:people.find.title'),
    options,
    filters: shown,
    ignored,
    page,
    results: volunteerResults(db, session.user, { ...filters, page }, options, lng),
    recent: announcementViews(db, announcementsToLists(db, 5), lng, session.user),
    lapsing: lapsingChecks(db, session.user, today).map((row) => ({ id: row.userId, name: row.name, lapsed: row.validUntil < today, date: formatDate(row.validUntil, lng) })),
    validityYears: env().CHECK_VALIDITY_YEARS,
    skills: skillList(db).map((skill) => ({ id: skill.id, shown: labels.get(skill.id) ?? skill.id, label: skill.label })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng, db } = await site(params)
  const session = requirePermission(request, lng, 'volunteer:find:any')
  const values = await readForm(request)
  const context = commands(session)
  const intent = values.intent ?? ''
  const outcome = await guarded(() => {
    switch (intent) {
      case 'announce': {
        const filters = postedFilters(values, volunteerOptions(db, lng))
        return filters ? announceToVolunteers(context, filters, announcementFromForm(values)) : failure('form', 'volunteering:people.errors.filters')
      }
      case 'translate': {
        const texts = announcementFromForm(values)
        return translateAnnouncement(context, Number(values.announcement), { subject: texts.subject, body: texts.body })
      }
      case 'addSkill':
        return addSkill(context, skillFromForm(values))
      case 'renameSkill':
        return renameSkill(context, skillFromForm(values))
      case 'removeSkill':
        return removeSkill(context, skillFromForm(values))
      default:
        return failure('form', 'volunteering:people.errors.invalid')
    }
  })
  if (!outcome.ok) return rejected(outcome.errors, values)
  const value = outcome.value as { id?: number | string } | null
  return accepted(`volunteering:people.done.${intent}`, { intent, sent: String(value?.id ?? '') })
}

export default function FindVolunteers() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation('volunteering')
  const { options, results } = data
  const slot = useSlotLabel(options)
  const slots = options.weekdays.flatMap((d) => options.parts.map((part) => `${d.value}-${part}`)).map((value) => ({ value, label: slot(value) }))
  const filtered = Object.keys(data.filters).length > 0
  return (
    <section>
      <h1>{t('people.find.title')}</h1>
      <p>{t('people.find.lead')}</p>
      <FormMessages reply={reply} />
      <Form method="get" className="filters" aria-label={t('people.find.filters')}>
        <SelectField name="language" label={t('people.find.language')} reply={undefined} value={data.filters.language} options={options.languages} empty={t('people.find.any')} />
        <SelectField name="skill" label={t('people.find.skill')} reply={undefined} value={data.filters.skill} options={options.skills} empty={t('people.find.any')} />
        <SelectField name="district" label={t('people.find.district')} reply={undefined} value={data.filters.district} options={options.districts} empty={t('people.find.any')} />
        <SelectField name="availability" label={t('people.find.availability')} reply={undefined} value={data.filters.availability} options={slots} empty={t('people.find.any')} />
        <div className="actions">
          <button type="submit">{t('people.find.search')}</button>
          {filtered ? <Link to={`/${data.lng}/manage/volunteers`}>{t('people.find.reset')}</Link> : null}
        </div>
      </Form>
      {data.ignored ? <p className="notice">{t('people.find.ignored')}</p> : null}
      <h2 id="found">{t('people.find.found', { count: results.total, formatted: formatNumber(results.total, data.lng) })}</h2>
      {results.rows.length === 0 ? (
        <p className="empty">{t('people.find.none')}</p>
      ) : (
        <ul className="hits" aria-labelledby="found">
          {results.rows.map((row) => (
            <li key={row.id} className="hit">
              <h3 dir="auto">
                <Link to={`/${data.lng}/manage/volunteers/${encodeURIComponent(row.id)}`}>{row.name}</Link>
              </h3>
              <VolunteerDetails lines={row} options={options} />
              <p>{row.checkValidUntil ? t('checks.validUntil', { date: row.checkValidUntil }) : t('checks.none')}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pages={results.pages} />
      {results.total > 0 ? (
        <>
          <h2 id="write">{t('people.find.write')}</h2>
          <p>{t('people.find.writeLead')}</p>
          <AnnounceForm reply={reply} lng={data.lng} hidden={data.filters} labelledBy="write" />
        </>
      ) : null}
      <h2 id="checks">{t('checks.lapsing.title')}</h2>
      <p>{t('checks.lapsing.lead', { years: data.validityYears })}</p>
      {data.lapsing.length === 0 ? (
        <p className="empty">{t('checks.lapsing.none')}</p>
      ) : (
        <ul aria-labelledby="checks">
          {data.lapsing.map((row) => (
            <li key={row.id}>
              <Link to={`/${data.lng}/manage/volunteers/${encodeURIComponent(row.id)}`} dir="auto">
                {row.name}
              </Link>{' '}
              · {t(row.lapsed ? 'checks.lapsing.lapsed' : 'checks.validUntil', { date: row.date })}
            </li>
          ))}
        </ul>
      )}
      {data.recent.length > 0 ? (
        <>
          <h2 id="recent">{t('people.find.recent')}</h2>
          {data.recent.map((announcement) => (
            <AnnouncementItem key={announcement.id} announcement={announcement} reply={reply} />
          ))}
        </>
      ) : null}
      <SkillsEditor skills={data.skills} reply={reply} />
    </section>
  )
}
