import crypto from 'node:crypto'

/** A secret for a cookie or a link: 24 random bytes (192 bits), URL-safe. */
export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url')
}

/** What the database keeps of a token: a leaked backup holds no live session or link. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

/** An id for a new record that says nothing about when or by whom it was made. */
export function newId(): string {
  return crypto.randomUUID()
}
