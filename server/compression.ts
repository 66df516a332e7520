import { readdirSync } from 'node:fs'
import { constants } from 'node:zlib'
import compression from 'compression'
import expressStaticGzip from 'express-static-gzip'
import express, { type Request, type RequestHandler, type Response } from 'express'
import { env } from '#services/env.server.ts'

/**
 * `COMPRESSION=off` for deployments whose reverse proxy compresses: the portal then sends every response as is
 * (the precompressed assets too, since a proxy may not pass `.br` bodies through unchanged).
 */
const enabled = () => env().COMPRESSION !== 'off'

/**
 * HTML, route data and other text answers compressed as they are sent: brotli at quality 4 (the library's
 * default, a few milliseconds for a page) where the browser accepts it, else gzip. Event streams stay
 * uncompressed so each kiosk help event reaches staff at once, and bodies that already carry an encoding
 * (the precompressed assets) are passed through.
 */
export function compressResponses(): RequestHandler[] {
  if (!enabled()) return []
  const streams = (res: Response) => String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream')
  return [compression({
    // A 256 kB window instead of brotli's default 4 MB: as large as any page, and each response's encoder
    // allocates its window, which with many answers in flight cost more than the compressing (measured
    // about three times the CPU per page at 30 at once; the same bytes out for a form page).
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_LGWIN]: 18 } },
    filter: (req: Request, res: Response) => !streams(res) && compression.filter(req, res),
  })]
}

/**
 * The build's static files, answered from the `.br`/`.gz` copies written at build time
 * (scripts/vite-precompress.ts) with the matching Content-Encoding and `Vary: Accept-Encoding`.
 */
export function staticFiles(dir: string, opts: { immutable: boolean; maxAge: string }): RequestHandler {
  const serveStatic = { immutable: opts.immutable, maxAge: opts.maxAge, index: false as const }
  if (!enabled()) return express.static(dir, serveStatic)
  return expressStaticGzip(dir, { enableBrotli: true, orderPreference: ['br', 'gz'], index: false, serveStatic }) as RequestHandler
}

/** The names at the top of a static folder (`favicon.svg`, `styles`), read once at start. */
export function topLevelNames(dir: string): Set<string> {
  return new Set(readdirSync(dir))
}

/**
 * Runs `handler` only for paths whose first segment is one of `names`. The static files sit in front of every
 * page: without this each page request and post looked for a file of its path on disk (a stat and an error
 * object per request, about 2.5 % of a rendered page's CPU) before the portal answered it.
 */
export function onlyUnder(names: Set<string>, handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const first = req.path.split('/')[1] ?? ''
    let name: string
    try {
      name = decodeURIComponent(first)
    } catch {
      return next()
    }
    return names.has(name) ? handler(req, res, next) : next()
  }
}
