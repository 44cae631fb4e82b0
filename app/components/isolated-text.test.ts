import { createInstance } from 'i18next'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { initReactI18next } from 'react-i18next'
import { expect, test } from 'vitest'
import { IsolatedText } from './isolated-text'

test('values are isolated with <bdi> and stay text, whatever they contain', async () => {
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({
    lng: 'ar',
    resources: { ar: { translation: { hello: 'أهلًا وسهلًا، <bdi>{{name}}</bdi>.' } } },
    interpolation: { escapeValue: false },
  })
  const html = (name: string) => renderToStaticMarkup(createElement(IsolatedText, { t: i18n.t, i18nKey: 'hello', values: { name } }))
  expect(html('DRK Kreisverband e.V.')).toBe('أهلًا وسهلًا، <bdi>DRK Kreisverband e.V.</bdi>.')
  expect(html('<strong>x</strong><1>y</1>')).toBe('أهلًا وسهلًا، <bdi>&lt;strong&gt;x&lt;/strong&gt;&lt;1&gt;y&lt;/1&gt;</bdi>.')
})
