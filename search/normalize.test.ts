import { describe, expect, test } from 'vitest'
import { normalize } from './normalize'

describe('normalize', () => {
  test.each([
    ['German umlauts and ß', 'Straße Übersetzung Möbel', 'strasse ubersetzung mobel'],
    ['Turkish dotted and dotless i', 'İstanbul ILIK ılık', 'istanbul ilik ilik'],
    ['French accents', 'Café Élève', 'cafe eleve'],
    ['Arabic harakat', 'مُسَاعَدَة', 'مساعده'],
    ['Arabic hamza forms of alef', 'أحمد إسلام آمن', 'احمد اسلام امن'],
    ['the Arabic article and attached particles', 'الترجمة والملابس بالعربية للطلاب فالكتاب كالبيت', 'ترجمه ملابس عربیه طلاب کتاب بیت'],
    ['an article before alef folds like the word without it', 'الألماني ألماني', 'مانی مانی'],
    ['short words keep their first letters', 'إلى بالا فال الله', 'الی بالا فال له'],
    ['Ukrainian apostrophes are one letter break', 'сімʼя сім’я сім\'я', 'сімя сімя сімя'],
    ['an apostrophe outside a word stays', "'quoted' text", "'quoted' text"],
    ['Arabic tatweel', 'مـــســاعدة', 'مساعده'],
    ['alef maksura and yeh', 'مستشفى على', 'مستشفی علی'],
    ['Persian yeh and keheh against Arabic', 'كتاب عربي', 'کتاب عربی'],
    ['ZWNJ in Persian', 'می‌خواهم', 'می خواهم'],
    ['Persian and Arabic-Indic digits', '۱۴۰۳ ٢٠٢٦', '1403 2026'],
    ['Pashto and Kurdish letters stay letters', 'ګټه ښځه څنګه ۍ ێ ۆ ە', 'ګټه ښځه څنګه ۍ ێ ۆ ە'],
    ['Cyrillic keeps й and case folds', 'Український ЙОГУРТ', 'український йогурт'],
    ['Russian ё stays distinct from е', 'Ёлка', 'ёлка'],
    ['compatibility forms', 'ﬁle ＡＢＣ', 'file abc'],
  ])('%s', (_name, input, expected) => {
    expect(normalize(input)).toBe(expected)
  })

  test('is idempotent', () => {
    for (const text of ['Deutschkurs für Frauen', 'دورة لغة ألمانية للنساء', 'کلاس زبان آلمانی', 'Курси німецької']) {
      expect(normalize(normalize(text))).toBe(normalize(text))
    }
  })
})
