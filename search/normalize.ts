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

const markRun = /(\P{M})(\p{M}+)/gu
const mapped = /[ıßـٱىيكة\u200c\u200d]/g
const digits = /[\u0660-\u0669\u06f0-\u06f9]/g

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
      .normalize('NFC')
  )
}
