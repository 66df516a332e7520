import type { NextFunction, Request, Response } from 'express'
import { readCookie, serializeCookie } from '#services/auth/cookies.ts'
import { SESSION_COOKIE } from '#services/auth/session.server.ts'
import { kioskIdle } from '#services/kiosk/idle.server.ts'
import { kioskByToken } from '#services/kiosk/kiosks.server.ts'
import { KIOSK_COOKIE, visitEndHeaders } from '#services/kiosk/visit.ts'
import { endVisitIfIdle } from '#services/kiosk/visit.server.ts'
import { isDatabaseDown } from '#services/db/db-errors.ts'
import { serverErrorPage } from './pages.ts'
import { log } from '#services/log/logger.server.ts'

/** Where a visit that ended by itself lands: the start screen, which says why. */
export const IDLE_END_TARGET = '/kiosk?slut=tid'

/** Pages a kiosk never shows: the public start page and everything for staff lead to the kiosk's start. */
const kioskElsewhere = (path: string) => path === '/' || path === '/servicecenter' || path.startsWith('/servicecenter/')

/**
 * Recognises enrolled kiosks (their cookie) before any route runs: `res.locals.kiosk` feeds the load
 * context, a revoked kiosk's cookie is cleared, and a kiosk visit idle past its limit is ended here, so
 * the next request shows the start screen and nothing of the visit (with or without JavaScript).
 */
export async function kioskRequests(req: Request, res: Response, next: NextFunction) {
  const token = readCookie(req.headers.cookie, KIOSK_COOKIE)
  if (!token) return next()
  try {
    const kiosk = await kioskByToken(token)
    if (!kiosk) {
      res.append('Set-Cookie', serializeCookie(KIOSK_COOKIE, '', { maxAge: 0 }))
      return next()
    }
    res.locals.kiosk = kiosk
    const sid = readCookie(req.headers.cookie, SESSION_COOKIE)
    if (sid && (await endVisitIfIdle(sid, kioskIdle().endSeconds))) {
      for (const [name, value] of visitEndHeaders(req.headers.cookie, token)) res.append(name, value)
      res.redirect(303, IDLE_END_TARGET)
      return
    }
    if (kioskElsewhere(req.path)) {
      res.redirect(303, '/kiosk')
      return
    }
    next()
  } catch (e) {
    // Without the database the page itself answers 503 calmly; the kiosk layout can wait for it to return.
    if (isDatabaseDown(e)) return next()
    // Anything else is a bug: log it, and show the calm page rather than a visit that may be stale.
    log.error({ err: e }, 'kiosk: the visit could not be checked')
    res.status(500).type('html').send(serverErrorPage())
  }
}
