import type { Locale } from '#forms/kit/index.ts'
import type { Kiosk } from '#services/kiosk/kiosks.server.ts'

/** What the HTTP layer (server/app.ts) hands every loader and action. */
export type PortalContext = {
  cspNonce: string
  csrfToken: string
  locale: Locale
  clientIp: string
  /** Set while handling a request whose database call failed to connect: the page becomes a 503. */
  outage?: boolean
  /**
   * Set by a page action that kept a posted page because the database was away (a 503 with the values):
   * the loaders of that same request then render the page without the database instead of failing.
   */
  keptForm?: boolean
  /** Set when the request comes from an enrolled kiosk computer (server/kiosk.ts). */
  kiosk?: Kiosk
}

declare module 'react-router' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PortalContext {}
}
