import type { Db } from '../db/client'
import { systemClock, type Clock } from '../db/clock'
import type { Context } from '../db/commands/run'
import type { Actor } from '../db/permissions'
import { indexChanges } from './embedded/writer'

/** A command context whose changes reach the embedded index (and, by trigger, the Meilisearch outbox). */
export function commandContext(db: Db, actor: Actor | null, clock: Clock = systemClock): Context {
  return { db, actor, clock, index: indexChanges }
}
