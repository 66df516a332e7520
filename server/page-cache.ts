import type { NextFunction, Request, Response } from 'express'
import { createRequestHandler, type AppLoadContext, type ServerBuild } from 'react-router'
import { CSRF_COOKIE } from '#services/auth/csrf.server.ts'
import { todayIso } from '#services/config/municipality.server.ts'
import type { Locale } from '#forms/kit/index.ts'

/**
 * A short-lived cache of the pages a visitor without any session sees first: the start page and the
 * first pages of open e-services. Those renders differ between visitors only in the CSP nonce and the
 * CSRF token, so one render is kept with placeholders and each answer gets its own values put back in
 * (ADR 015). Anything that could be personal bypasses it: a request with any cookie besides the CSRF
 * token and the language choice (a session, a kiosk, the BankID simulator's choice), every method but
 * GET, data requests, and every answer but a 200 without Set-Cookie.
 */

/** Alphanumeric, so no HTML or JSON escaping can change how they appear in the rendered page. */
export const NONCE_PLACEHOLDER = 'NoncePlaceholder7c1e9a0d'
export const CSRF_PLACEHOLDER = 'CsrfPlaceholder4b8f2d6e3a9c1f5e7b0d2a4c6e8f0a1b3c'

/** Public pages whose render depends only on the path, the language and the day. */
const CACHEABLE = /^\/(?:|tillganglighet|e-tjanster\/[a-z0-9-]+(?:\/[a-z0-9-]+)?)$/
/** Pages under an e-service that are never a first visit's: they need a draft, a session or a case. */
const NEVER = new Set(['kontrollera', 'skriv-under', 'kvitto'])
const ALLOWED_COOKIES = new Set([CSRF_COOKIE, 'lang'])

type Entry = { status: number; headers: [string, string][]; html: string; expires: number }

export type PageCacheOptions = {
  build: ServerBuild
  ttlMs?: number
  maxEntries?: number
}

function cookieNames(header: string | undefined): string[] {
  if (!header) return []
  return header.split(';').map((part) => part.slice(0, part.indexOf('=') >>> 0).trim()).filter(Boolean)
}

/** Whether this request may be answered from, and fill, the cache. */
export function cacheable(req: Pick<Request, 'method' | 'path' | 'headers'>): boolean {
  if (req.method !== 'GET') return false
  if (!CACHEABLE.test(req.path)) return false
  if (req.path.split('/').some((segment) => NEVER.has(segment))) return false
  return cookieNames(req.headers.cookie).every((name) => ALLOWED_COOKIES.has(name))
}

export function createPageCache(opts: PageCacheOptions) {
  const ttlMs = opts.ttlMs ?? 60_000
  const maxEntries = opts.maxEntries ?? 500
  const handle = createRequestHandler(opts.build, 'production')
  const entries = new Map<string, Entry>()
  /** One render per key at a time: a burst of first visits waits for it instead of rendering in parallel. */
  const pending = new Map<string, Promise<Entry | null>>()

  async function render(req: Request, locale: Locale): Promise<Entry | null> {
    const url = new URL(req.originalUrl, `http://${req.headers.host ?? 'localhost'}`)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && name !== 'cookie') headers.set(name, value)
    const context = { cspNonce: NONCE_PLACEHOLDER, csrfToken: CSRF_PLACEHOLDER, locale, clientIp: 'cache', kiosk: undefined } as AppLoadContext
    const response = await handle(new Request(url, { headers }), context)
    const html = await response.text()
    if (response.status !== 200 || response.headers.has('set-cookie')) return null
    const kept = [...response.headers].filter(([name]) => name !== 'content-length')
    return { status: response.status, headers: kept, html, expires: Date.now() + ttlMs }
  }

  return async function pageCache(req: Request, res: Response, next: NextFunction) {
    if (!cacheable(req)) return next()
    const locale = res.locals.locale as Locale
    // The day is in the key: pages state date limits ("at most 90 days ahead") in the municipality's time.
    const key = `${locale} ${todayIso()} ${req.originalUrl}`
    let entry = entries.get(key)
    if (!entry || entry.expires < Date.now()) {
      let inflight = pending.get(key)
      if (!inflight) {
        inflight = render(req, locale).finally(() => pending.delete(key))
        pending.set(key, inflight)
      }
      try {
        entry = (await inflight) ?? undefined
      } catch {
        // Rendering failed (a bug, or the database is down): the normal path answers and reports it.
        return next()
      }
      if (!entry) return next()
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
      entries.set(key, entry)
    }
    res.status(entry.status)
    for (const [name, value] of entry.headers) res.setHeader(name, value)
    res.send(entry.html.replaceAll(NONCE_PLACEHOLDER, res.locals.nonce as string).replaceAll(CSRF_PLACEHOLDER, res.locals.csrf as string))
  }
}
