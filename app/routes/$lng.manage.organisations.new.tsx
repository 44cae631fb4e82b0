import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { registerOrganisation } from '../../db/commands/organisations'
import { FormMessages, type Reply } from '../components/form-field'
import { OrganisationForm } from '../components/organisation-form'
import { commands, guarded, requirePermission } from '../lib/auth.server'
import { organisationFormOptions, organisationLists } from '../lib/editor.server'
import { readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  requirePermission(request, lng, 'organisation:create:own')
  return { lng, title: t('editor:organisation.newTitle'), options: await organisationFormOptions(lng) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const session = requirePermission(request, lng, 'organisation:create:own')
  const values = await readForm(request, organisationLists)
  const outcome = await guarded(() => registerOrganisation(commands(session), values))
  if (!outcome.ok) return rejected(outcome.errors, values)
  return redirect(`/${lng}/manage/organisations/${outcome.value.id}?done=register`)
}

export default function NewOrganisation() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation('editor')
  return (
    <section>
      <h1>{t('organisation.newTitle')}</h1>
      <p>{t('organisation.newLead')}</p>
      <FormMessages reply={reply} />
      <OrganisationForm options={data.options} reply={reply} submit={t('organisation.register')} />
    </section>
  )
}
