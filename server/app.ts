import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import type { Logger } from 'pino'
import type { Env } from '../app/lib/env.server'
import { bodyLimit } from './body-limit'
import { sharedCache } from './cache'
import { baselineHeaders } from './headers'
import { requestLogger } from './logger'
import { sameOriginOnly } from './origin'

/**
 * Our server around the Remix build: the Origin check before any route code, compression,
 * assets with long-lived cache headers, validators and 304s for what everyone sees alike, request logs without personal data, and the
 * client's address for the site's rate limits.
 */
export function createApp(env: Env, build: ServerBuild, logger: Logger, buildDir: string, contentVersion: () => string) {
  const app = express()
  app.disable('x-powered-by')
  // Validators are ours (./cache.ts), never a hash of a body another visitor may not share.
  app.set('etag', false)
  // Behind TRUST_PROXY proxies the client's address is the one they report; else the socket's.
  app.set('trust proxy', env.TRUST_PROXY ?? false)
  app.use(requestLogger(logger))
  app.use(baselineHeaders(env.PUBLIC_URL))
  app.use(sameOriginOnly(env.PUBLIC_URL))
  app.use(bodyLimit)
  app.use(compression())
  app.use(
    '/assets',
    express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
  )
  app.use(express.static(path.join(buildDir, 'client'), { maxAge: '1h', index: false }))
  app.use(sharedCache({ build: build.assets.version, contentVersion }))
  app.all(
    '*',
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV === 'development' ? 'development' : 'production',
      getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown' }),
    }),
  )
  return app
}
