import { expect, test } from 'vitest'
import { parseSearchParams } from './engine'

test('control characters in a query become word breaks, never passed on', () => {
  const parsed = parseSearchParams(new URLSearchParams('q=Deutsch%00kurs%1Bneu&lang=ar'))
  expect(parsed).toMatchObject({ ok: true, params: { q: 'Deutsch kurs neu', lang: 'ar' } })
})
