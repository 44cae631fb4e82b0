/**
 * An ASCII id for a record made in the UI, from its German (or first) name:
 * "Sprachcafé für Frauen" → "sprachcafe-fuer-frauen". `taken` says whether an id is in
 * use; a number is appended until one is free. Ids stay the same in every locale's URL.
 */
export function slugFor(name: string, taken: (id: string) => boolean, fallback = 'eintrag'): string {
  const base =
    name
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/Ä/g, 'Ae')
      .replace(/Ö/g, 'Oe')
      .replace(/Ü/g, 'Ue')
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || fallback
  if (!taken(base)) return base
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`
}
