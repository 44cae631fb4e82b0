import fs from 'node:fs'
import path from 'node:path'
import { count } from 'drizzle-orm'
import type { Db } from '../client'
import type { Context } from '../commands/run'
import { addDays, daysBetween, todayInBerlin } from '../dates'
import { formatErrors, importExchange, type ApplyCounts } from '../exchange'
import { organisations } from '../schema'
import { projectRoot } from '../root'

export const demoFile = path.join(projectRoot(), 'db/seed/demo.json')

/** The day the demo file's dates were written for (a Monday). */
export const DEMO_AUTHORED_ON = '2026-11-02'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
const dateKeys = new Set(['validFrom', 'validUntil', 'from', 'except'])

/**
 * The demo municipality with its dates moved to `today`, in whole weeks so that every
 * schedule anchor stays on its weekday: the demo never expires.
 */
export function loadDemo(today: string): Json {
  const demo = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as Json
  const shift = Math.floor(daysBetween(DEMO_AUTHORED_ON, today) / 7) * 7
  return shiftDates(demo, shift)
}

function shiftDates(value: Json, days: number, key?: string): Json {
  if (Array.isArray(value)) return value.map((item) => shiftDates(item, days, key === 'except' ? key : undefined))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, days, k)]))
  }
  if (typeof value === 'string' && key && dateKeys.has(key)) return addDays(value, days)
  return value
}

/** Loads the demo municipality, its dates shifted to today, through the import command. */
export function seedDemo(context: Context, options: { today?: string } = {}): ApplyCounts {
  const today = options.today ?? todayInBerlin()
  const outcome = importExchange(context, loadDemo(today), { today })
  if (!outcome.ok) throw new Error(`the demo file is invalid:\n${formatErrors(outcome.errors).join('\n')}`)
  return outcome.counts
}

export function hasOrganisations(db: Db): boolean {
  return (db.select({ n: count() }).from(organisations).get()?.n ?? 0) > 0
}
