import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { defaultLocale, locales, namespaces } from './i18n'

type Messages = { [key: string]: string | Messages }
const root = path.resolve(__dirname, '../locales')
const read = (lng: string, ns: string): Messages => JSON.parse(fs.readFileSync(path.join(root, lng, `${ns}.json`), 'utf8'))

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(messages)) {
    const full = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(full, value)
    else for (const [k, v] of flatten(value, full)) out.set(k, v)
  }
  return out
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/
/** Keys without plural suffixes, each with the value of its `other` form (or itself). */
function baseKeys(messages: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of messages) {
    const base = key.replace(pluralSuffix, '')
    if (!out.has(base) || key.endsWith('_other')) out.set(base, value)
  }
  return out
}

/** Values that are names, numbers or only punctuation between placeholders, the same in every script. */
const untranslatable = new Set(['common:site.name', 'mail:site', 'groups:schedule.when'])
/** The site's namespaces and the e-mails' (rendered by the server, not the site). */
const checked = [...namespaces, 'mail'] as const
const scripts: Record<string, RegExp> = {
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  uk: /\p{Script=Cyrillic}/u,
  ru: /\p{Script=Cyrillic}/u,
}
const placeholders = (value: string) => [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

/**
 * A Latin comma between Arabic-script words: Arabic and Farsi write «،». A placeholder
 * counts as a word of the sentence around it («{{day}}، {{time}}»); a comma between digits
 * or Latin words (an address, a URL) is left alone.
 */
const latinCommaInArabic = /(?:\p{Script=Arabic}\p{M}*|\}\})[\s»"]*,\s*[«"]?(?:\p{Script=Arabic}|\{\{)/u
const rtl = new Set(['ar', 'fa'])

/**
 * Values that carry a name or what a reader typed (an organisation, a person, a search)
 * isolate it with `<bdi>`, so that "e.V." keeps its full stop at the end of a right-to-left
 * sentence; the page renders them with IsolatedText. Exempt are plain-text uses, where a
 * tag would show: the page title (`search:titleFor`) and the e-mails (`mail`, plain text
 * and escaped HTML, rendered by the server without tags).
 */
const isolated = /\{\{(organisation|name|q)\}\}/g
const plainText = new Set(['search:titleFor'])
function unisolated(value: string): string[] {
  const all = [...value.matchAll(isolated)].map((m) => m[0])
  const wrapped = [...value.matchAll(/<bdi>(\{\{(?:organisation|name|q)\}\})<\/bdi>/g)].map((m) => m[1])
  return all.filter((name) => {
    const i = wrapped.indexOf(name)
    if (i === -1) return true
    wrapped.splice(i, 1)
    return false
  })
}

describe.each(locales.filter((lng) => lng !== defaultLocale))('locale %s', (lng) => {
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories

  test.each([...checked])('%s has every key of German, no more, in the right script', (ns) => {
    const source = flatten(read(defaultLocale, ns))
    const target = flatten(read(lng, ns))
    const sourceBase = baseKeys(source)
    const targetBase = baseKeys(target)
    expect([...targetBase.keys()].sort()).toEqual([...sourceBase.keys()].sort())

    for (const key of sourceBase.keys()) {
      const plural = [...source.keys()].some((k) => k.replace(pluralSuffix, '') === key && pluralSuffix.test(k))
      if (plural) {
        for (const category of categories) expect(target.has(`${key}_${category}`), `${ns}:${key}_${category}`).toBe(true)
      }
    }
    for (const [key, value] of target) {
      const base = key.replace(pluralSuffix, '')
      expect(value.trim(), `${ns}:${key} is empty`).not.toBe('')
      if (scripts[lng] && !untranslatable.has(`${ns}:${base}`)) {
        expect(value.replace(/\{\{\w+\}\}/g, ''), `${lng}/${ns}:${key} is not in its script`).toMatch(scripts[lng])
      }
      // Every placeholder of a translation exists in German (plural zero/one/two may spell the number out).
      const known = placeholders(sourceBase.get(base) ?? '')
      for (const name of placeholders(value)) expect(known, `${lng}/${ns}:${key} uses {{${name}}}`).toContain(name)
      if (!/_(zero|one|two)$/.test(key)) {
        expect(placeholders(value), `${lng}/${ns}:${key} placeholders`).toEqual(known)
      }
      if (rtl.has(lng)) {
        expect(value, `${lng}/${ns}:${key} has a Latin comma between Arabic-script words (write «،»)`).not.toMatch(latinCommaInArabic)
      }
      if (ns !== 'mail' && !plainText.has(`${ns}:${base}`)) {
        expect(unisolated(value), `${lng}/${ns}:${key} interpolates a name without <bdi>`).toEqual([])
      }
    }
  })
})

describe('names in sentences', () => {
  const code = fs
    .readdirSync(path.resolve(__dirname), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.tsx'))
    .map((file) => fs.readFileSync(path.resolve(__dirname, file), 'utf8'))
    .join('\n')
  const rendered = new Set([...code.matchAll(/<IsolatedText\b[^>]*?\bi18nKey="([^"]+)"/g)].map((m) => m[1]))
  const keys = namespaces.flatMap((ns) =>
    [...baseKeys(flatten(read(defaultLocale, ns)))].filter(([, value]) => value.includes('<bdi>')).map(([key]) => ({ ns, key })),
  )

  test.each(namespaces.map((ns) => [ns]))('German %s isolates every interpolated name', (ns) => {
    for (const [key, value] of flatten(read(defaultLocale, ns))) {
      if (!plainText.has(`${ns}:${key.replace(pluralSuffix, '')}`)) expect(unisolated(value), `${ns}:${key}`).toEqual([])
    }
  })

  test.each(keys.map(({ ns, key }) => [`${ns}:${key}`, ns, key]))('%s is rendered with IsolatedText (its tags are markup)', (_, ns, key) => {
    expect(rendered.has(key) || rendered.has(`${ns}:${key}`), `<IsolatedText i18nKey="${key}"> in app/`).toBe(true)
  })

  test('the checks find what they look for', () => {
    expect('مرحبًا, أهلًا').toMatch(latinCommaInArabic)
    expect('{{day}}, {{time}}').toMatch(latinCommaInArabic)
    expect('مثلًا: دورة، ملابس').not.toMatch(latinCommaInArabic)
    expect('Mauerstraße 53, 10117 Berlin، الهاتف').not.toMatch(latinCommaInArabic)
    expect(unisolated('أعضاء {{organisation}}')).toEqual(['{{organisation}}'])
    expect(unisolated('أعضاء <bdi>{{organisation}}</bdi>')).toEqual([])
  })
})

describe('the code uses only keys German has', () => {
  const german = new Map(namespaces.map((ns) => [ns, baseKeys(flatten(read(defaultLocale, ns)))]))
  const files = fs
    .readdirSync(path.resolve(__dirname), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.tsx') || file.endsWith('.ts'))
  const used = new Set<string>()
  for (const file of files) {
    const code = fs.readFileSync(path.resolve(__dirname, file), 'utf8')
    for (const match of code.matchAll(/\bt\(\s*'([a-zA-Z]+(?::[a-zA-Z]+)?(?:\.[a-zA-Z_]+)*)'/g)) used.add(match[1])
  }

  test.each([...used].sort())('%s', (key) => {
    const [ns, name] = key.includes(':') ? key.split(':') : [undefined, key]
    const candidates = ns ? [ns] : [...namespaces]
    // A list (read with returnObjects) is flattened to `name.0`, `name.1`, …
    const known = (keys: Map<string, string> | undefined) => Boolean(keys?.has(name) || [...(keys?.keys() ?? [])].some((k) => k.startsWith(`${name}.0`)))
    expect(candidates.some((n) => known(german.get(n as (typeof namespaces)[number])))).toBe(true)
  })
})
