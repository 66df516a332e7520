import { visitorSession } from '#services/auth/session.server.ts'
import { endUserIp } from '#services/bankid/end-user-ip.ts'
import { browserHash, startOrder, type OrderFlow, type OrderPurpose, type SignContent } from '#services/bankid/orders.server.ts'
import type { OrderView } from '#services/bankid/view.ts'
import { startFailure } from '#services/bankid/view.server.ts'
import { applySimulatorChoice } from '#services/bankid/simulator-choice.server.ts'

export type Started = { ok: true; orderId: string; headers: Headers } | { ok: false; message: OrderView['message']; status: number; headers: Headers }

export const parseFlow = (v: FormDataEntryValue | null): OrderFlow | null => (v === 'autostart' || v === 'qr' ? v : null)

/**
 * Starts a BankID order for this browser. A visitor without a session gets one here, because the order
 * must be bound to something that is this browser's alone; its cookie travels in `headers`.
 */
export async function startForBrowser(request: Request, clientIp: string, input: {
  purpose: OrderPurpose
  flow: OrderFlow
  returnTo?: string
  sign?: SignContent
  /** At a kiosk only the QR code for the visitor's own phone: the kiosk's device is not theirs. */
  atKiosk?: boolean
}): Promise<Started> {
  const headers = new Headers()
  const browser = browserHash(request)
  const ip = endUserIp(clientIp)
  // readForm has checked the CSRF cookie, so `browser` is only missing for a request that skipped it.
  if (!browser || !ip) return { ok: false, message: { rfa: 'RFA22' }, status: 400, headers }
  const { session, setCookie } = await visitorSession(request)
  if (setCookie) headers.append('Set-Cookie', setCookie)
  const { atKiosk, ...order } = input
  const result = await startOrder({
    binding: { sessionHash: session.tokenHash, browserHash: browser }, ...order, flow: atKiosk ? 'qr' : order.flow, endUserIp: ip,
  })
  if (result.ok) {
    await applySimulatorChoice(request, result.order.orderRef)
    return { ok: true, orderId: result.order.id, headers }
  }
  const status = result.errorCode === 'rateLimited' ? 429 : result.errorCode === 'alreadyInProgress' ? 409 : 503
  return { ok: false, message: startFailure(result.errorCode), status, headers }
}
