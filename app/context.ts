import type { Locale } from '../forms/kit/index.ts'

/** What the HTTP layer (server/app.ts) hands every loader and action. */
export type PortalContext = {
  cspNonce: string
  csrfToken: string
  locale: Locale
  clientIp: string
  /** Set while handling a request whose database call failed to connect: the page becomes a 503. */
  outage?: boolean
}

declare module 'react-router' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PortalContext {}
}
