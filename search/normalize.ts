/**
 * One normalisation for documents and queries alike (DESIGN "Search design"): the index
 * and the query must fold the same way, or a hamza or an umlaut loses a hit. The original
 * text is kept for display; this form only ever feeds the index.
 */
const foldMarksOf = /[\p{Script=Latin}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Greek}]/u

const letters: Record<string, string> = {
  ı: 'i', // Turkish dotless i; İ becomes i through NFKD and mark folding
  ß: 'ss',
  ـ: '', // tatweel
  ٱ: 'ا', // alef wasla
  ى: 'ی', // alef maksura
  ي: 'ی', // Arabic yeh and Persian yeh are one letter to a reader
  ك: 'ک', // Arabic kaf and Persian keheh
  ة: 'ه', // teh marbuta
  '\u200c': ' ', // zero-width non-joiner separates Persian word parts
  '\u200d': '',
}

/**
 * The Arabic article and the particles written onto it: «الترجمة», «بالترجمة» and
 * «للترجمة» are all «ترجمة» to a reader. Longest first; stripped again while one is left
 * («الألماني» → «ألماني» → «ماني», as «ألماني» itself folds), so documents and queries
 * always meet; a word keeps two letters at least («الی», «بالا», «فال» stay whole).
 */
const articles = ['وال', 'بال', 'کال', 'فال', 'لل', 'ال']
const arabicWord = /[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]{3,}/g

function stripArticles(word: string): string {
  let rest = word
  for (;;) {
    const article = articles.find((prefix) => rest.startsWith(prefix) && rest.length - prefix.length >= 2)
    if (!article) return rest
    rest = rest.slice(article.length)
  }
}

// Ukrainian writes one apostrophe in three ways (ʼ U+02BC, ’ U+2019, ' U+0027): «сімʼя»,
// «сім’я» and «сім'я» are one word, as are English «don’t» and «don't».
const apostrophe = /(?<=\p{L})['’ʼ](?=\p{L})/gu

const markRun = /(\P{M})(\p{M}+)/gu
const mapped = /[ıßـٱىيكة\u200c\u200d]/g
const digits = /[\u0660-\u0669\u06f0-\u06f9]/g

/**
 * Raised whenever `normalize` folds differently, or documents are built differently
 * (search/build.ts): an index built with another version is rebuilt at start-up, or old
 * documents would no longer meet new queries. 3: groups carry their kind in every
 * language (search/glossary.ts). 4: documents say whether their organisation is
 * verified and which languages volunteers translated.
 */
export const normalizeVersion = 4

export function normalize(text: string): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      // Marks on Latin, Arabic, Hebrew and Greek letters fold away (ä → a, harakat, hamza
      // on alef); on other scripts they are part of the letter (Cyrillic й, Devanagari).
      .replace(markRun, (run, base: string) => (foldMarksOf.test(base) ? base : run))
      .replace(mapped, (char) => letters[char])
      .replace(digits, (char) => String(char.charCodeAt(0) & 0xf))
      .replace(apostrophe, '')
      .normalize('NFC')
      .replace(arabicWord, stripArticles)
  )
}
