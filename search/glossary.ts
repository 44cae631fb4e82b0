import type { Db } from '../db/client'
import { categories } from '../db/schema'
import type { groupKinds } from '../db/schema/groups'
import { tokenize } from './embedded/tokens'

/**
 * What a working group is, in every language, so that «Begegnungscafé», «meeting café»,
 * «مقهى لقاء» or «кафе зустрічей» find every café whatever its name says. The first
 * term per language is the label the interface shows (locales/<tag>/common.json), the
 * others its plural, earlier labels and what people say besides. Indexed as the group's taxonomy.
 */
export const groupKindTerms: Record<(typeof groupKinds)[number], Record<string, string[]>> = {
  begegnungscafe: {
    de: ['Begegnungscafé', 'Begegnungscafés', 'Café'],
    en: ['Meeting café', 'meeting cafés', 'café', 'drop-in café'],
    ar: ['مقهى لقاء', 'مقاهي اللقاء', 'مقهى', 'كافيه'],
    fa: ['کافه دیدار', 'کافه‌های دیدار', 'کافه', 'دورهمی'],
    uk: ['Кафе зустрічей', 'кафе', 'зустрічі'],
    ru: ['Кафе встреч', 'кафе', 'встречи'],
    tr: ['Buluşma kafesi', 'buluşma kafeleri', 'kafe'],
  },
  arbeitskreis: {
    de: ['Arbeitskreis', 'Arbeitskreise', 'Arbeitsgruppe', 'Ehrenamtliche'],
    en: ['Volunteer group', 'working group', 'volunteers'],
    ar: ['مجموعة متطوعين', 'مجموعة عمل', 'فريق عمل', 'متطوعون'],
    fa: ['گروه رضاکاران', 'گروه کاری', 'داوطلبان'],
    uk: ['Волонтерська група', 'робоча група', 'волонтери'],
    ru: ['Волонтёрская группа', 'рабочая группа', 'волонтёры'],
    tr: ['Gönüllü grubu', 'çalışma grubu', 'gönüllüler'],
  },
}

const arabicScript = /\p{Script=Arabic}/u

/**
 * The glossary's words that a query takes as written: every Arabic-script word of every
 * category label and synonym and group kind, normalised. Such a query word gets no typo
 * variants (Meilisearch: `typoTolerance.disableOnWords`, the same list). Arabic script
 * writes no short vowels, so one letter apart is most often another word — «تعزيل»
 * (moving house) and «تعديل» (alteration), «اجاره» (rent) and «اجازه» (permit) — while
 * the spellings that do mean the same are in the glossary as synonyms. In Latin and
 * Cyrillic script a typo of a known word is mostly a form of it («family» → «Familie»,
 * «Fahrer» → «Fahrern») and stays allowed (docs/search.md, "Glossary and typo rules").
 */
export function exactGlossaryWords(db: Db): Set<string> {
  const rows = db.select({ label: categories.label, synonyms: categories.synonyms }).from(categories).all()
  const terms = [
    ...rows.flatMap((row) => [...Object.values(row.label), ...Object.values(row.synonyms).flat()]),
    ...Object.values(groupKindTerms).flatMap((byLocale) => Object.values(byLocale).flat()),
  ]
  return new Set(terms.flatMap((term) => tokenize(term)).filter((word) => arabicScript.test(word)))
}
