/**
 * The page's enforced CSP: nothing from another origin (no CDNs, no trackers) and no inline
 * script at all (the pages have none: ADR 018). Our server (server/headers.ts) adds the
 * headers every response gets.
 */
export function securityHeaders(headers: Headers): void {
  const development = process.env.NODE_ENV === 'development'
  const csp = [
    "default-src 'self'",
    `script-src 'self'${development ? " 'unsafe-inline'" : ''}`,
    `style-src 'self'${development ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${development ? ' ws:' : ''}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ]
  headers.set('Content-Security-Policy', csp.join('; '))
}
