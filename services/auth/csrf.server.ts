import { randomBytes, timingSafeEqual } from 'node:crypto'
import { data } from 'react-router'
import { readCookie, serializeCookie } from './cookies.ts'

export const CSRF_COOKIE = 'csrf'
export const CSRF_FIELD = '_csrf'

/**
 * Double-submit token: a random value in an HttpOnly SameSite cookie, repeated in a hidden field of
 * every form. Another site can make a browser post but cannot read the cookie to fill the field.
 * Issued by the HTTP layer so GET pages need no database round trip.
 */
export function ensureCsrfCookie(cookieHeader: string | undefined): { token: string; setCookie?: string } {
  const existing = readCookie(cookieHeader, CSRF_COOKIE)
  if (existing && /^[A-Za-z0-9_-]{32,}$/.test(existing)) return { token: existing }
  const token = randomBytes(32).toString('base64url')
  return { token, setCookie: serializeCookie(CSRF_COOKIE, token) }
}

export function csrfValid(request: Request, form: FormData): boolean {
  const cookie = readCookie(request.headers.get('Cookie'), CSRF_COOKIE)
  const field = form.get(CSRF_FIELD)
  if (!cookie || typeof field !== 'string') return false
  // Compared as bytes, so the lengths must be too: "å" is one character and two bytes, and timingSafeEqual throws.
  const [a, b] = [Buffer.from(cookie), Buffer.from(field)]
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Reads a posted form and refuses it unless it carries this browser's CSRF token. The HTTP layer has
 * checked the body already (server/body-guard.ts); a body the parser still cannot read is the
 * sender's mistake, a 400, never a 500.
 */
export async function readForm(request: Request): Promise<FormData> {
  const form = await request.formData().catch(() => {
    throw data({ reason: 'form' }, { status: 400 })
  })
  if (!csrfValid(request, form)) throw data({ reason: 'csrf' }, { status: 403 })
  return form
}
