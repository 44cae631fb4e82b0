import { describe, expect, test } from 'vitest'
import type { SearchDocument } from './document'
import { toHit } from './hits'

const group: SearchDocument = {
  kind: 'group',
  id: 'ak-wohnen',
  date: '2026-01-01',
  sourceLocale: 'de',
  title: { de: 'Arbeitskreis Wohnen', ar: 'مجموعة المتطوعين للسكن' },
  body: { de: 'Der Arbeitskreis Wohnen hilft bei der Wohnungssuche.' },
  taxonomy: [],
  organisation: null,
  unverified: false,
  community: [],
  type: null,
  category: null,
  district: null,
  visibility: { listed: true, validFrom: null, validUntil: null },
  facets: { type: [], category: [], district: [], audience: [], language: [], orgKind: [] },
}

describe('toHit', () => {
  test('says the language of the title and of the snippet, which differ when only the title was translated', () => {
    const hit = toHit(group, 'ar', [], [])
    expect(hit).toMatchObject({ title: 'مجموعة المتطوعين للسكن', lang: 'ar', snippetLang: 'de' })
    expect(hit.snippet).toContain('Arbeitskreis Wohnen hilft')
  })

  test('title and snippet in the same language when both are translated', () => {
    const hit = toHit({ ...group, body: { ...group.body, ar: 'تساعد المجموعة في البحث عن سكن.' } }, 'ar', [], [])
    expect(hit).toMatchObject({ lang: 'ar', snippetLang: 'ar' })
    expect(toHit(group, 'de', [], [])).toMatchObject({ lang: 'de', snippetLang: 'de' })
  })
})
