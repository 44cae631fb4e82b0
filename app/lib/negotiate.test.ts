import { describe, expect, test } from 'vitest'
import { switchLocalePath } from '../i18n'
import { negotiateLocale } from './negotiate'

describe('negotiateLocale', () => {
  test.each([
    [null, 'de'],
    ['', 'de'],
    ['fa-IR,fa;q=0.9,en;q=0.5', 'fa'],
    ['prs', 'fa'],
    ['ps,en;q=0.3', 'en'],
    ['de-AT', 'de'],
    ['en;q=0.2, ar;q=0.8', 'ar'],
    ['uk-UA,ru;q=0.8', 'uk'],
    ['tr;q=0, ru', 'ru'],
    ['*', 'de'],
    ['xx, yy;q=abc, ;;;', 'de'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected)
  })
})

describe('switchLocalePath', () => {
  test('keeps the page and its query, changes only the prefix', () => {
    expect(switchLocalePath('/de/postings/p-001', '?from=search', 'ar')).toBe('/ar/postings/p-001?from=search')
    expect(switchLocalePath('/de', '', 'uk')).toBe('/uk')
    expect(switchLocalePath('/xx/offers', '', 'fa')).toBe('/fa')
  })
})
