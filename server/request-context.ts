import { randomUUID } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import { matchRoutes, type RouteObject, type ServerBuild } from 'react-router'
import { log, withLogContext } from '#services/log/logger.server.ts'
import { metrics } from '#services/metrics/metrics.server.ts'

/** An incoming X-Request-Id is kept only when it is a short plain token (a proxy's id), never arbitrary text. */
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{8,128}$/

export function requestId(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && WELL_FORMED_ID.test(incoming) ? incoming : randomUUID()
}

type Build = ServerBuild | (() => Promise<ServerBuild>)

/**
 * The route pattern a path belongs to (`/e-tjanster/:formId/:pageId`), from the React Router build's own
 * route table: a metric label with a bounded set of values that never carries a case number or an id.
 */
export function routePatterns(build: Build): (path: string) => Promise<string> {
  const trees = new WeakMap<ServerBuild, RouteObject[]>()
  const tree = (b: ServerBuild) => {
    let t = trees.get(b)
    if (!t) {
      const all = Object.values(b.routes ?? {}).filter((r) => r !== undefined)
      const children = (parentId: string | undefined): RouteObject[] =>
        all.filter((r) => r.parentId === parentId).map((r) => ({ id: r.id, path: r.path, index: r.index, children: r.index ? undefined : children(r.id) }) as RouteObject)
      t = children(undefined)
      trees.set(b, t)
    }
    return t
  }
  // matchRoutes flattens and ranks the whole route table on every call: a path's pattern is kept instead, for a
  // bounded number of paths (the same pages are asked for again and again; ids make the rest unbounded).
  const known = new Map<string, string>()
  return async (path) => {
    if (path.startsWith('/assets/')) return '/assets'
    // The development server's build changes under it: its patterns are matched afresh and never kept.
    if (typeof build === 'function') return patternOf(tree(await build()), path)
    const cached = known.get(path)
    if (cached !== undefined) return cached
    const pattern = patternOf(tree(build), path)
    if (known.size >= KNOWN_PATHS) known.clear()
    known.set(path, pattern)
    return pattern
  }
}

function patternOf(routes: Parameters<typeof matchRoutes>[0], path: string): string {
  const matches = matchRoutes(routes, path)
  return matches ? '/' + matches.map((m) => m.route.path).filter((p) => p).join('/') : 'unmatched'
}

/** How many paths' route patterns routePatterns keeps; past it, it starts over. */
const KNOWN_PATHS = 2000

/**
 * First on every request: its id (from X-Request-Id when well-formed, else new) on the response and on every
 * log line written while it is served; when it is answered, one log line and the HTTP metrics. The line has
 * the route pattern, never the path or query, which can carry case numbers and tokens.
 */
export function requestContext(opts: { routeOf: (path: string) => Promise<string>; fixed: Record<string, string> }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const reqId = requestId(req.headers['x-request-id'])
    res.setHeader('X-Request-Id', reqId)
    const started = process.hrtime.bigint()
    withLogContext({ reqId }, () => {
      // 'close' also ends a request whose client went away first; it is counted as 499, as proxies do.
      res.once('close', () => {
        const status = res.writableFinished ? res.statusCode : 499
        const seconds = Number(process.hrtime.bigint() - started) / 1e9
        const path = req.originalUrl.split('?')[0] ?? '/'
        const known = opts.fixed[path]
        void (known ? Promise.resolve(known) : opts.routeOf(path)).catch(() => 'unmatched').then((route) => {
          const m = metrics()
          m.httpRequests.inc({ method: req.method, route, status: String(status) })
          m.httpDuration.observe({ method: req.method, route }, seconds)
          log.info({ method: req.method, route, status, ms: Math.round(seconds * 1000) }, 'request')
        })
      })
      next()
    })
  }
}
