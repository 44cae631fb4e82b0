import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { systemClock } from '../../db/clock'
import { acceptInvitation, openInvitation } from '../../db/commands/members'
import { IsolatedText } from '../components/isolated-text'
import { FormMessages } from '../components/form-field'
import { commands, getSession, guarded, requireSession } from '../lib/auth.server'
import { getDb } from '../lib/db.server'
import { discardBody, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  const invitation = openInvitation(getDb(), params.token ?? '', systemClock.now())
  const here = new URL(request.url).pathname
  return { lng, title: t('manage:invitation.title'), invitation, signedIn: Boolean(getSession(request)), here }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  await discardBody(request)
  const session = requireSession(request, lng)
  const outcome = await guarded(() => acceptInvitation(commands(session), params.token ?? ''))
  if (!outcome.ok) return rejected(outcome.errors, {})
  return redirect(`/${lng}/manage`)
}

export default function Invitation() {
  const data = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation(['manage', 'account'])
  const back = encodeURIComponent(data.here)
  return (
    <section className="narrow">
      <h1>{data.title}</h1>
      <FormMessages reply={reply} />
      {data.invitation ? (
        <>
          <p>
            <IsolatedText t={t} i18nKey="invitation.lead" values={{ organisation: data.invitation.name, role: t(`account:roles.${data.invitation.role}`) }} />
          </p>
          {data.signedIn ? (
            <Form method="post">
              <button type="submit">{t('invitation.accept')}</button>
            </Form>
          ) : (
            <>
              <p>{t('invitation.signInFirst')}</p>
              <ul className="link-list">
                <li>
                  <Link to={`/${data.lng}/login?redirectTo=${back}`}>{t('account:nav.login')}</Link>
                </li>
                <li>
                  <Link to={`/${data.lng}/signup`}>{t('account:signup.title')}</Link>
                </li>
              </ul>
            </>
          )}
        </>
      ) : (
        <p className="form-error">{t('account:errors.linkInvalid')}</p>
      )}
    </section>
  )
}
