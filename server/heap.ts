import v8 from 'node:v8'
import type { Logger } from 'pino'

/*
 * ADR 019: the server runs with a heap budget (`HEAP_LIMIT_MB`, which `npm run serve` hands to Node
 * as `--max-old-space-size`). Without one V8 lets garbage pile up to several times the
 * live heap before it collects: at 100,000 postings the server held 680 MB under load for
 * about 110 MB of live objects; with 256 MB it stays under 370 MB and serves as fast
 * (docs/performance.md).
 */

/** Said at start when the live heap already takes more than half of the budget. */
export function heapWarning(usedBytes: number, limitBytes: number): string | null {
  if (usedBytes <= limitBytes / 2) return null
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20)
  return `after start the heap holds ${mb(usedBytes)} MB, more than half of the ${mb(limitBytes)} MB Node may use: set HEAP_LIMIT_MB higher (README, settings)`
}

export function checkHeap(logger: Logger): void {
  const warning = heapWarning(process.memoryUsage().heapUsed, v8.getHeapStatistics().heap_size_limit)
  if (warning) logger.warn(warning)
}
