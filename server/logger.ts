import type { IncomingMessage, ServerResponse } from 'node:http'
import { pino, type Logger } from 'pino'
import { pinoHttp } from 'pino-http'

/**
 * The path of a request as logs may keep it: no query (search text, filters someone chose),
 * and no secret from a link (confirmation, reset, invitation, conversation, personal feed).
 */
export function loggablePath(url: string): string {
  const path = url.split('?')[0].split('#')[0]
  return path
    .replace(/\/(confirm|reset|invitations|conversations)\/[^/]+/, '/$1/:token')
    .replace(/\/feeds\/me\/[^/]+/, '/feeds/me/:token')
    .slice(0, 200)
}

export function createLogger(level: string): Logger {
  return pino({ level, base: undefined })
}

/**
 * One line per request: method, path as above, status and time. No headers (cookies,
 * user agents), no address, no body: nothing that identifies a person.
 */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    serializers: {
      req: (req: IncomingMessage) => ({ method: req.method, path: loggablePath(req.url ?? '') }),
      res: (res: ServerResponse) => ({ status: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/assets/') || req.url === '/healthz' },
  })
}
