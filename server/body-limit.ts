import type { NextFunction, Request, Response } from 'express'

/** No form of ours is near this; a bigger body is refused before anyone reads it. */
export const maxBodyBytes = 1_000_000

export function bodyLimit(req: Request, res: Response, next: NextFunction) {
  const length = Number(req.get('content-length') ?? 0)
  if (length > maxBodyBytes) {
    res.status(413).set('Connection', 'close').type('text/plain').send('Payload too large')
    return
  }
  // A route may answer (404, 403, a redirect to the login) without reading the body; what
  // is left unread on a kept-alive connection would be parsed as the next request. Drain it.
  res.on('finish', () => {
    if (!req.readableEnded) req.resume()
  })
  next()
}
