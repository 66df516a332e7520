import { randomBytes } from 'node:crypto'
import { createRequestHandler } from '@react-router/express'
import express, { type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'
import type { ServerBuild } from 'react-router'
import { ensureCsrfCookie } from '#services/auth/csrf.server.ts'
import { readCookie, serializeCookie } from '#services/auth/cookies.ts'
import { env } from '#services/env.server.ts'
import { parseTrustProxy } from '#services/http/trust-proxy.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { tileOrigins } from '#services/config/map-tiles.ts'
import { isLocale, type Locale } from '#forms/kit/index.ts'
import { bodyGuard, withCheckedBody } from './body-guard.ts'
import { compressResponses, onlyUnder, staticFiles, topLevelNames } from './compression.ts'
import { forbiddenPage } from './pages.ts'
import { healthz, readyz } from './health.ts'
import { metricsHandler } from './metrics-endpoint.ts'
import { requestContext, routePatterns } from './request-context.ts'
import { kioskRequests } from './kiosk.ts'
import { createPageCache } from './page-cache.ts'
import type { Kiosk } from '#services/kiosk/kiosks.server.ts'

export type AppOptions = {
  build: ServerBuild | (() => Promise<ServerBuild>)
  mode: 'development' | 'production'
  bodyLimitMb: number
  /** Static files of the production build; the dev server serves its own. */
  clientDir?: string
  extraMiddleware?: express.RequestHandler[]
}

function locale(req: Request, res: Response): Locale {
  const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined
  if (isLocale(asked)) {
    res.append('Set-Cookie', serializeCookie('lang', asked, { maxAge: 365 * 24 * 3600 }))
    return asked
  }
  const kept = readCookie(req.headers.cookie, 'lang')
  return isLocale(kept) ? kept : 'sv'
}

/**
 * State-changing requests must come from our own pages: a cross-site Origin or Sec-Fetch-Site is
 * refused before any form parsing (defence in depth beside the per-form CSRF token).
 */
function sameOriginPosts(req: Request, res: Response, next: NextFunction) {
  if (req.method === 'GET' || req.method === 'HEAD') return next()
  const origin = req.headers.origin
  const site = req.headers['sec-fetch-site']
  const host = req.headers.host
  const crossOrigin = origin !== undefined && origin !== 'null' && host !== undefined && new URL(origin).host !== host
  if (crossOrigin || site === 'cross-site') {
    res.status(403).type('html').send(forbiddenPage())
    return
  }
  next()
}

/**
 * Answers that hold no personal data and are cached for good by their hashed address: a language's interface texts
 * (app/routes/i18n-catalog.ts). They get no CSRF cookie and keep the Cache-Control their route sets.
 */
const CACHEABLE = /^\/i18n\/[^/]+$/

/** A case's attachment on the staff side: the one response the case page shows in a frame of its own origin. */
const STAFF_ATTACHMENT = /^\/servicecenter\/arenden\/[^/?#]+\/bilagor\/[^/?#]+(\?|$)/

export function createApp(opts: AppOptions) {
  const app = express()
  app.disable('x-powered-by')
  // Every answer is no-store, so a validator would only cost a hash of each page.
  app.set('etag', false)
  const settings = env()
  app.set('trust proxy', parseTrustProxy(settings.TRUST_PROXY))
  const dev = opts.mode === 'development'

  // First: the request id and log context, and the request's line and metrics once it is answered.
  app.use(requestContext({ routeOf: routePatterns(opts.build), fixed: { '/healthz': '/healthz', '/readyz': '/readyz', '/metrics': '/metrics' } }))
  app.use((_req, res, next) => {
    res.locals.nonce = randomBytes(16).toString('base64')
    next()
  })
  app.use(helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Vite's dev server injects inline modules for hot reload; production allows only our nonce.
        scriptSrc: dev ? ["'self'", "'unsafe-inline'"] : ["'self'", (_req, res) => `'nonce-${(res as Response).locals.nonce}'`],
        styleSrc: dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        // The map's tiles come from the tile server the municipality's profile names, and from no other (ADR 036).
        imgSrc: ["'self'", 'data:', 'blob:', ...tileOrigins(municipality().map)],
        connectSrc: dev ? ["'self'", 'ws:'] : ["'self'"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        // No page of ours may be framed, except a staff attachment in the case page's viewer (ADR 030).
        frameAncestors: [(req) => (STAFF_ATTACHMENT.test((req as { url?: string }).url ?? '') ? "'self'" : "'none'")],
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: settings.APP_ENV === 'production',
    referrerPolicy: { policy: 'same-origin' },
  }))

  app.get('/healthz', healthz)
  app.get('/readyz', readyz)
  app.get('/metrics', metricsHandler())
  for (const mw of compressResponses()) app.use(mw)

  if (opts.clientDir) {
    app.use('/assets', staticFiles(`${opts.clientDir}/assets`, { immutable: true, maxAge: '1y' }))
    app.use(onlyUnder(topLevelNames(opts.clientDir), staticFiles(opts.clientDir, { immutable: false, maxAge: '1h' })))
  }
  for (const mw of opts.extraMiddleware ?? []) app.use(mw)

  app.use(sameOriginPosts)
  // Sizes, counts, types and NUL checked as the body streams in, before anything parses it (issue 10).
  app.use(bodyGuard({ bodyLimitMb: opts.bodyLimitMb }))

  // Personal data must not linger in shared caches or on shared (kiosk) computers.
  app.use((req, res, next) => {
    if (!CACHEABLE.test(req.path)) res.setHeader('Cache-Control', 'no-store')
    next()
  })
  // Kiosk computers (issue 6): recognised by their cookie; an idle kiosk visit ends before any page shows.
  app.use(kioskRequests)

  // The first pages an anonymous visitor sees, rendered once a minute rather than per request (ADR 015).
  const firstVisits = opts.mode === 'production' && typeof opts.build !== 'function' && settings.PAGE_CACHE !== 'off'
    ? [createPageCache({ build: opts.build })]
    : []
  app.all(
    '/{*splat}',
    (req, res, next) => {
      if (CACHEABLE.test(req.path)) return next()
      const csrf = ensureCsrfCookie(req.headers.cookie)
      if (csrf.setCookie) res.append('Set-Cookie', csrf.setCookie)
      res.locals.csrf = csrf.token
      res.locals.locale = locale(req, res)
      next()
    },
    ...firstVisits,
    withCheckedBody(createRequestHandler({
      build: opts.build,
      mode: opts.mode,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.nonce as string,
        csrfToken: res.locals.csrf as string,
        locale: res.locals.locale as Locale,
        clientIp: req.ip ?? 'unknown',
        kiosk: res.locals.kiosk as Kiosk | undefined,
      }),
    })),
  )
  return app
}
