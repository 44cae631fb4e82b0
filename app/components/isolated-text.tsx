import type { TFunction } from 'i18next'
import { Trans } from 'react-i18next'

/**
 * A translated sentence whose values (a person's name, an address, an organisation) are
 * isolated with `<bdi>` where the translation says so: "e.V." keeps its full stop in an
 * Arabic sentence. The values are escaped before the sentence is parsed for tags, so a
 * name like "<strong>" stays text.
 */
export function IsolatedText({ t, i18nKey, values }: { t: TFunction; i18nKey: string; values: Record<string, string> }) {
  return (
    <Trans
      t={t}
      i18nKey={i18nKey}
      values={values}
      tOptions={{ interpolation: { escapeValue: true } }}
      shouldUnescape
      components={{ bdi: <bdi /> }}
    />
  )
}
