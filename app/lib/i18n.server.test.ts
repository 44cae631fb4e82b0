import { describe, expect, test } from 'vitest'
import { i18nFor } from './i18n.server'

describe('the per-locale translation instances', () => {
  test('a key asked again gives the same text, per locale and per namespace', async () => {
    const [de, ar] = await Promise.all([i18nFor('de'), i18nFor('ar')])
    const deT = de.getFixedT('de', 'common')
    const arT = ar.getFixedT('ar', 'common')
    for (let round = 0; round < 2; round++) {
      expect(deT('pagination.next')).toBe('Nächste Seite')
      expect(arT('pagination.next')).not.toBe('Nächste Seite')
      expect(arT('pagination.next')).toMatch(/\p{Script=Arabic}/u)
      expect(de.getFixedT('de', 'home')('pagination.next')).toBe('pagination.next')
      // A loader may ask another language of the same instance (an e-mail in the recipient's).
      expect(de.getFixedT('ar', 'common')('pagination.next')).toBe(arT('pagination.next'))
    }
  })

  test('values, counts and key prefixes still reach i18next on every call', async () => {
    const t = (await i18nFor('de')).getFixedT('de', 'common')
    expect(t('pagination.pageOf', { page: 1, pages: 3 })).toBe('Seite 1 von 3')
    expect(t('pagination.pageOf', { page: 2, pages: 3 })).toBe('Seite 2 von 3')
    const home = (await i18nFor('de')).getFixedT('de', 'home')
    expect(home('figures.postings', { count: 1, formatted: '1' })).toBe('1 aktueller Aushang')
    expect(home('figures.postings', { count: 2, formatted: '2' })).not.toBe('1 aktueller Aushang')
    expect((await i18nFor('de')).getFixedT('de', 'common', 'pagination')('next')).toBe('Nächste Seite')
  })
})
