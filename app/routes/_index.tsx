import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { negotiateLocale } from '../lib/negotiate'

export function loader({ request }: LoaderFunctionArgs) {
  const lng = negotiateLocale(request.headers.get('accept-language'))
  return redirect(`/${lng}`, { status: 302, headers: { Vary: 'Accept-Language' } })
}
