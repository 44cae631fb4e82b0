import type { NextFunction, Request, Response } from 'express'

/** No form of ours is near this; a bigger body is refused before anyone reads it. */
export const maxBodyBytes = 1_000_000

export function bodyLimit(req: Request, res: Response, next: NextFunction) {
  const length = Number(req.get('content-length') ?? 0)
  if (length > maxBodyBytes) {
    res.status(413).set('Connection', 'close').type('text/plain').send('Payload too large')
    return
  }
  next()
}
