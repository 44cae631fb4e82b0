import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { checkLaws } from '../lib/format'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { deleteCheck, recordCheck } from '../../db/commands/checks'
import { failure } from '../../db/commands/run'
import { profileOf } from '../../db/commands/volunteers'
import { systemClock } from '../../db/clock'
import { volunteerName } from '../../db/queries/users'
import { CheckForm } from '../components/check-form'
import { FormMessages, type Reply } from '../components/form-field'
import { VolunteerDetails } from '../components/volunteer-details'
import { commands, guarded, requirePermission } from '../lib/auth.server'
import { checkSection } from '../lib/checks.server'
import { env } from '../lib/env.server'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { notFound, site } from '../lib/site.server'
import { profileLines, volunteerOptions } from '../lib/volunteers.server'

/** A coordinator's view of one volunteer: what they said about themselves, and their check before work with children. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, db } = await site(params)
  const session = requirePermission(request, lng, 'check:record:any')
  const id = params.id ?? ''
  const name = volunteerName(db, id)
  if (name === null) notFound()
  const options = volunteerOptions(db, lng)
  return {
    lng,
    name,
    options: { weekdays: options.weekdays },
    lines: profileLines(profileOf(db, session.user, id), options, lng),
    check: checkSection(db, session.user, id, lng, systemClock.now()),
    validityYears: env().CHECK_VALIDITY_YEARS,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.name)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng, db } = await site(params)
  const session = requirePermission(request, lng, 'check:record:any')
  const id = params.id ?? ''
  if (volunteerName(db, id) === null) notFound()
  const values = await readForm(request)
  const context = commands(session)
  const intent = values.intent ?? ''
  const outcome = await guarded(() => {
    switch (intent) {
      case 'record':
        return recordCheck(context, id, values, env().CHECK_VALIDITY_YEARS)
      case 'delete':
        return deleteCheck(context, id)
      default:
        return failure('form', 'volunteering:checks.errors.invalid')
    }
  })
  if (!outcome.ok) return rejected(outcome.errors, values)
  return accepted(`volunteering:checks.done.${intent}`)
}

export default function Volunteer() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation('volunteering')
  return (
    <section>
      <p>
        <Link to={`/${data.lng}/manage/volunteers`}>{t('people.find.title')}</Link>
      </p>
      <h1 dir="auto">{data.name}</h1>
      <VolunteerDetails lines={data.lines} options={data.options} />
      <h2 id="check">{t('checks.title')}</h2>
      <p>{t('checks.lead', { years: data.validityYears, ...checkLaws })}</p>
      <FormMessages reply={reply} />
      <CheckForm check={data.check} reply={reply} />
      {data.check ? (
        <Form method="post" className="inline" aria-labelledby="check">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="secondary">
            {t('checks.delete')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}
