import type { NextFunction, Request, Response } from 'express'

const safe = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Every request that may change something must come from our own pages: a foreign
 * `Origin` (or, without one, `Sec-Fetch-Site: cross-site`) gets 403 before any route code
 * runs. SameSite=Lax cookies already keep sessions out of most cross-site posts; this also
 * covers old browsers and sibling sub-domains.
 */
export function sameOriginOnly(publicUrl: string) {
  const allowed = new URL(publicUrl).origin
  return (req: Request, res: Response, next: NextFunction) => {
    if (safe.has(req.method)) return next()
    const origin = req.get('origin')
    const own = `${req.protocol}://${req.get('host')}`
    const crossSite = origin !== undefined ? origin !== allowed && origin !== own : req.get('sec-fetch-site') === 'cross-site'
    if (!crossSite) return next()
    res.status(403).type('text/plain').set('Cache-Control', 'no-store').send('Forbidden: cross-site request')
  }
}
