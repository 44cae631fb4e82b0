import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ReportForm } from '../components/report-form'
import { pageMeta, retryAfterHeaders } from '../lib/meta'
import { reportAction, reportSubject } from '../lib/report.server'
import { site } from '../lib/site.server'

/** Anyone reports an organisation on the board: no account, nothing about the person kept. */
export async function loader({ params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const subject = reportSubject('organisation', params.id ?? '', lng)
  return { kind: 'organisation' as const, ...subject, title: t('moderation:report.titleOrganisation') }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export const headers = retryAfterHeaders

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lng } = await site(params)
  return reportAction(request, context, 'organisation', params.id ?? '', lng)
}

export default function ReportOrganisation() {
  return <ReportForm data={useLoaderData<typeof loader>()} reply={useActionData<typeof action>()} />
}
