/** A text in the language it will be shown in, and whether that is the reader's own. */
export type Picked = { text: string; lang: string; fallback: boolean }

/**
 * The reader's language first, then the language the text was written in, then German,
 * then whatever exists: a posting only in Farsi still shows, marked as Farsi.
 */
export function pickText(texts: Record<string, string> | null | undefined, lng: string, source?: string): Picked | null {
  if (!texts) return null
  const order = [lng, source, 'de', ...Object.keys(texts)]
  for (const lang of order) {
    if (lang && texts[lang]) return { text: texts[lang], lang, fallback: lang !== lng }
  }
  return null
}

/** The first `max` characters at a word boundary, for cards. */
export function excerpt(text: string, max = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,.;:–-]+$/, '')}…`
}
