import { defaultLocale, locales, type Locale } from '../i18n'

/**
 * Picks the best UI locale for an Accept-Language header: quality values in order,
 * `de-AT` matches `de`, Dari (`prs`, `fa-AF`) reads Farsi; otherwise German.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return defaultLocale
  const ranges = header
    .split(',')
    .slice(0, 50)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean)
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index }
    })
    .filter((range) => range.tag && range.q > 0 && !Number.isNaN(range.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { tag } of ranges) {
    const primary = tag.split('-')[0]
    const match = locales.find((locale) => locale === primary) ?? (primary === 'prs' ? 'fa' : undefined)
    if (match) return match
  }
  return defaultLocale
}
