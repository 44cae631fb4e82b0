import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { installationFromForm, updateInstallation } from '../../db/commands/settings'
import { readInstallation } from '../../db/installation'
import { Field, FormMessages, type Reply } from '../components/form-field'
import { localeNames, locales } from '../i18n'
import { commands, guarded, requirePermission } from '../lib/auth.server'
import { getDb } from '../lib/db.server'
import { accepted, readForm, rejected } from '../lib/forms.server'
import { pageMeta } from '../lib/meta'
import { site } from '../lib/site.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await site(params)
  requirePermission(request, lng, 'settings:update:any')
  return { lng, title: t('manage:settings.title'), settings: readInstallation(getDb()) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.title)

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng } = await site(params)
  const session = requirePermission(request, lng, 'settings:update:any')
  const values = await readForm(request)
  const outcome = await guarded(() => updateInstallation(commands(session), installationFromForm(values)))
  if (!outcome.ok) return rejected(outcome.errors, values)
  return accepted('manage:settings.saved')
}

export default function Settings() {
  const { settings, title } = useLoaderData<typeof loader>()
  const reply: Reply = useActionData<typeof action>()
  const { t } = useTranslation(['manage', 'account'])
  const perLocale = (name: 'municipality' | 'operator') => (
    <fieldset className="stack">
      <legend>{t(`settings.${name}`)}</legend>
      {locales.map((lng) => (
        <Field key={lng} name={`${name}.${lng}`} label={localeNames[lng]} reply={reply} defaultValue={settings[name][lng] ?? ''} required={false} />
      ))}
    </fieldset>
  )
  return (
    <section className="narrow">
      <h1>{title}</h1>
      <p>{t('settings.lead')}</p>
      <FormMessages reply={reply} />
      <Form method="post" className="stack" noValidate>
        {perLocale('municipality')}
        {perLocale('operator')}
        <Field name="address" label={t('settings.address')} reply={reply} defaultValue={settings.address} required={false} />
        <Field name="email" type="email" label={t('settings.email')} reply={reply} defaultValue={settings.email} required={false} />
        <Field name="phone" label={t('settings.phone')} reply={reply} defaultValue={settings.phone} required={false} />
        <Field name="privacyContact" type="email" label={t('settings.privacyContact')} reply={reply} defaultValue={settings.privacyContact} required={false} />
        <Field name="accessibilityContact" type="email" label={t('settings.accessibilityContact')} reply={reply} defaultValue={settings.accessibilityContact} required={false} />
        <button type="submit">{t('settings.save')}</button>
      </Form>
    </section>
  )
}
