import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ReportForm } from '../components/report-form'
import { pageMeta, retryAfterHeaders } from '../lib/meta'
import { reportAction, reportSubject } from '../lib/report.server'
import { site } from '../lib/site.server'

/** Anyone reports a visible posting: no account, nothing about the person kept. */
export async function loader({ params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const subject = reportSubject('posting', params.id ?? '', lng)
  return { kind: 'posting' as const, ...subject, title: t('moderation:report.titlePosting') }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export const headers = retryAfterHeaders

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lng } = await site(params)
  return reportAction(request, context, 'posting', params.id ?? '', lng)
}

export default function ReportPosting() {
  return <ReportForm data={useLoaderData<typeof loader>()} reply={useActionData<typeof action>()} />
}
