import { serializeCookie } from '../auth/cookies.ts'

export const KIOSK_COOKIE = 'kiosk'
/** Chromium caps a cookie's lifetime at 400 days; the cookie is set again at the end of every visit. */
export const KIOSK_COOKIE_MAX_AGE = 400 * 24 * 3600

const COOKIE_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** The names of the cookies a request carries. */
export function cookieNames(header: string | null | undefined): string[] {
  if (!header) return []
  const names = header.split(';').map((part) => part.slice(0, part.indexOf('=')).trim())
  return [...new Set(names.filter((n) => COOKIE_NAME.test(n)))]
}

export const kioskCookie = (token: string) => serializeCookie(KIOSK_COOKIE, token, { maxAge: KIOSK_COOKIE_MAX_AGE })

/**
 * The headers that make a kiosk's browser forget a visit. `Clear-Site-Data: "cookies"` would also wipe the
 * kiosk's own enrolment, so cookies are instead expired one by one: every cookie the browser sent except the
 * kiosk's (whatever other features add later goes too, not only the ones known today). "cache" and "storage"
 * drop cached responses, the back/forward cache and anything a script stored. The kiosk cookie is set again,
 * which also renews its 400-day lifetime.
 */
export function visitEndHeaders(cookieHeader: string | null | undefined, kioskToken: string | undefined): [string, string][] {
  const headers: [string, string][] = [['Clear-Site-Data', '"cache", "storage"']]
  for (const name of cookieNames(cookieHeader)) {
    if (name !== KIOSK_COOKIE) headers.push(['Set-Cookie', serializeCookie(name, '', { maxAge: 0 })])
  }
  if (kioskToken) headers.push(['Set-Cookie', kioskCookie(kioskToken)])
  return headers
}
