import type { RfaCode } from './messages.ts'

// What the browser is told about a BankID order, on the page and in each poll. Client-safe: the order page
// renders it on the server and updates it from the status route in the browser. Never holds orderRef or the
// QR secret — only the QR image for this second and the autostart link.

/** Portal messages beside BankID's RFA texts (app/i18n.ts holds the words). */
export type PortalMessage = 'rateLimited' | 'wrongSigner' | 'answersChanged' | 'signNotSent' | 'loginLost'

export type OrderView = {
  id: string
  purpose: 'login' | 'sign'
  flow: 'autostart' | 'qr'
  /** pending: keep polling; failed: offer a retry; done: go to `next`. */
  state: 'pending' | 'failed' | 'done'
  message: { rfa: RfaCode } | { portal: PortalMessage } | null
  /** The QR code for this second (data URI), while pending on the QR flow. */
  qr?: string
  /** bankid:///?autostarttoken=…&redirect=null, while pending on this device. */
  autoStartHref?: string
  next?: string
}
