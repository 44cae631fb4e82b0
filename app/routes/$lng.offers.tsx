import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PostingListPage } from '../components/posting-list-page'
import { postingListLoader } from '../lib/posting-list.server'
import { pageMeta } from '../lib/meta'

export const loader = (args: LoaderFunctionArgs) => postingListLoader(args, 'offer')
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export default function Offers() {
  return <PostingListPage data={useLoaderData<typeof loader>()} />
}
