import type { AppLoadContext } from 'react-router'
import { readCookie } from '#services/auth/cookies.ts'
import { getSession, SESSION_COOKIE } from '#services/auth/session.server.ts'
import { kioskIdle } from '#services/kiosk/idle.server.ts'
import { locationName } from '#services/kiosk/locations.server.ts'
import { kioskData } from '#services/kiosk/session-data.server.ts'
import { libraryCardLoginAvailable } from '#services/kiosk/library-login.server.ts'
import type { KioskView } from '#app/components/kiosk/types.ts'
import { DISPLAY_COOKIES } from './display-cookies.ts'

/** The kiosk part of the root loader's data; null for every browser that is not an enrolled kiosk. */
export async function kioskView(request: Request, context: AppLoadContext): Promise<KioskView | null> {
  const kiosk = context.kiosk
  if (!kiosk) return null
  const cookies = request.headers.get('Cookie')
  const session = readCookie(cookies, SESSION_COOKIE) ? await getSession(request) : null
  const data = kioskData(session)
  const largeText = readCookie(cookies, DISPLAY_COOKIES.text) === 'large'
  const highContrast = readCookie(cookies, DISPLAY_COOKIES.contrast) === 'high'
  const visitor = session?.person
    ? { name: session.person.name, via: 'bankid' as const }
    : data.libraryCard ? { name: data.libraryCard.name, via: 'library-card' as const } : null
  return {
    name: kiosk.name,
    locationName: locationName(kiosk.location),
    idle: kioskIdle(),
    // The page the visitor is on counts too, but the root loader does not rerun on every navigation: the
    // idle guard adds that in the browser.
    visitActive: Boolean(session) || largeText || highContrast || readCookie(cookies, 'lang') !== undefined,
    largeText,
    highContrast,
    visitor,
    assistedBy: data.kioskAssist?.name ?? null,
    libraryCardLogin: libraryCardLoginAvailable(),
  }
}
