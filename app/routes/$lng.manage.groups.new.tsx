import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { createGroup } from '../../db/commands/groups'
import { FormMessages, type Reply } from '../components/form-field'
import { GroupForm } from '../components/group-form'
import { commands, guarded, requirePermission } from '../lib/auth.server'
import { readForm, rejected } from '../lib/forms.server'
import { groupFormOptions, groupLists } from '../lib/lead.server'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'

/** A new working group or café: coordinators only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  requirePermission(request, lng, 'group:create:any')
  return { lng, title: t('volunteering:lead.newTitle'), options: await groupFormOptions(lng) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const session = requirePermission(request, lng, 'group:create:any')
  const values = await readForm(request, groupLists)
  const outcome = await guarded(() => createGroup(commands(session), values))
  if (!outcome.ok) return rejected(outcome.errors, values)
  return redirect(`/${lng}/manage/groups/${outcome.value.id}?done=create`)
}

export default function NewGroup() {
  const data = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation('volunteering')
  return (
    <section>
      <p>
        <Link to={`/${data.lng}/manage`}>{t('lead.backToManage')}</Link>
      </p>
      <h1>{t('lead.newTitle')}</h1>
      <p>{t('lead.newLead')}</p>
      <FormMessages reply={reply} />
      <GroupForm options={data.options} reply={reply} submit={t('lead.create')} />
    </section>
  )
}
