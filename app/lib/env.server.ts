import { z } from 'zod'

const boolean = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1')

const schema = z.object({
  /** The SQLite file holding everything (content, accounts, the embedded search index). */
  DATABASE_PATH: z.string().min(1).default('data/treffpunkt.db'),
  /** Where the HTTP server listens. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Absolute base for links that leave the site: e-mails, feeds, QR codes. Defaults to localhost:PORT. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** `false` keeps a new installation empty instead of loading the demo municipality. */
  SEED_DEMO: boolean.default(true),
  /** A Meilisearch server; unset means the embedded SQLite FTS5 engine answers alone. */
  MEILI_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Key for MEILI_URL; optional for a local server. Never sent to browsers. */
  MEILI_API_KEY: z.string().optional(),
  /** SMTP server for e-mail; unset writes e-mails as .eml files to OUTBOX_DIR. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Treffpunkt <noreply@localhost>'),
  OUTBOX_DIR: z.string().min(1).default('data/outbox'),
  /** Browser for the end-to-end tests. */
  CHROMIUM_PATH: z.string().optional(),
  /**
   * The server's JavaScript heap budget in MB. `npm run serve` hands it to Node
   * (`--max-old-space-size=${HEAP_LIMIT_MB:-256}` in package.json: keep the defaults in
   * step); read here to validate it and to warn when the live heap nears it.
   */
  HEAP_LIMIT_MB: z.coerce.number().int().min(64).max(65_536).default(256),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Days after which unconfirmed accounts are deleted. */
  UNCONFIRMED_ACCOUNT_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  MESSAGE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  CHECK_VALIDITY_YEARS: z.coerce.number().int().min(1).max(10).default(5),
  /** Multiplies every rate limit; tests raise it, a busy shared address may too. */
  RATE_LIMIT_FACTOR: z.coerce.number().min(0.01).max(100_000).default(1),
  /** How many proxies stand in front of the server, to find the client's address. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).optional(),
})

export type Env = z.output<typeof schema> & { PUBLIC_URL: string }

/** Validates the environment once; an invalid value stops start-up with a message naming it. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const values = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''))
  const parsed = schema.safeParse(values)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  return { ...parsed.data, PUBLIC_URL: parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}` }
}

let cached: Env | undefined
export function env(): Env {
  cached ??= readEnv()
  return cached
}
