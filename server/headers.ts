import type { NextFunction, Request, Response } from 'express'

/**
 * Headers on every response (pages, data, assets, errors); the page's Content-Security-
 * Policy is set where the HTML is rendered (app/lib/security.server.ts).
 * No referrer leaves for other sites (a search would travel with it), no framing, no
 * sniffing, no powerful features, and over https the browser remembers to stay there.
 */
export function baselineHeaders(publicUrl: string) {
  const https = publicUrl.startsWith('https:')
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Referrer-Policy', 'same-origin')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    next()
  }
}
