import { useTranslation } from 'react-i18next'
import { localeNames, locales, type Locale } from '../i18n'

/** The language of the site and of every e-mail to this person. */
export function LocaleSelect({ reply, current }: { reply: { values: Record<string, string> } | undefined; current: Locale }) {
  const { t } = useTranslation('account')
  const chosen = reply?.values.locale ?? current
  return (
    <div className="field">
      <label htmlFor="field-locale">{t('fields.locale')}</label>
      <select id="field-locale" name="locale" defaultValue={chosen}>
        {locales.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {localeNames[lng]}
          </option>
        ))}
      </select>
    </div>
  )
}
