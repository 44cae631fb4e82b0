import { describe, expect, it } from 'vitest'
import { slugFor } from './slug'

describe('slugFor', () => {
  it('spells German letters out and drops accents and punctuation', () => {
    expect(slugFor('Sprachcafé für Frauen – Straße 5!', () => false)).toBe('sprachcafe-fuer-frauen-strasse-5')
  })
  it('falls back for names without Latin letters and numbers taken ids', () => {
    const taken = new Set(['eintrag', 'eintrag-2'])
    expect(slugFor('دورة لغة', (id) => taken.has(id))).toBe('eintrag-3')
    expect(slugFor('دورة لغة', () => false, 'angebot')).toBe('angebot')
  })
})
