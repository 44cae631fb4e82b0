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

/** Values that are names or numbers, the same in every script. */
const untranslatable = new Set(['common:site.name', 'mail:site'])
/** The site's namespaces and the e-mails' (rendered by the server, not the site). */
const checked = [...namespaces, 'mail'] as const
const scripts: Record<string, RegExp> = {
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  uk: /\p{Script=Cyrillic}/u,
  ru: /\p{Script=Cyrillic}/u,
}
const placeholders = (value: string) => [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

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
    }
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
