import { redirect } from 'react-router'
import { readCookie } from '#services/auth/cookies.ts'
import { hashToken, SESSION_COOKIE } from '#services/auth/session.server.ts'
import { endKioskVisit } from '#services/kiosk/visit.server.ts'
import { KIOSK_COOKIE, visitEndHeaders } from '#services/kiosk/visit.ts'
import type { Route } from './+types/end'

/**
 * "Avsluta" and the idle countdown end here: the server session goes (an anonymous visitor's drafts with it;
 * drafts made with a library card or owned by a BankID-identified person stay theirs), the browser is told
 * to forget the visit, and the start screen is loaded as a fresh document.
 *
 * Never refused for a missing CSRF token: a kiosk that cannot end a visit leaves it on screen for the next
 * person, and ending is the safe direction. Cross-site posts are already refused by the HTTP layer.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData().catch(() => null)
  const cookies = request.headers.get('Cookie')
  const sid = readCookie(cookies, SESSION_COOKIE)
  if (sid && sid.length <= 100) await endKioskVisit(hashToken(sid))
  const headers = new Headers()
  // A kiosk revoked during the visit still ends it, but is not told to keep its enrolment.
  const kioskToken = context.kiosk ? readCookie(cookies, KIOSK_COOKIE) : undefined
  for (const [name, value] of visitEndHeaders(cookies, kioskToken)) headers.append(name, value)
  const target = context.kiosk ? `/kiosk?slut=${form?.get('orsak') === 'tid' ? 'tid' : 'klar'}` : '/'
  throw redirect(target, { status: 303, headers })
}

export function loader() {
  throw redirect('/kiosk')
}
