import { deviceKind } from './end-user-ip.ts'
import { messageFor } from './messages.ts'
import type { StoredOrder } from './orders.server.ts'
import { qrImage } from './qr-image.server.ts'
import type { OrderView, PortalMessage } from './view.ts'

const PORTAL_ERRORS: Record<string, PortalMessage> = {
  rateLimited: 'rateLimited',
  wrongSigner: 'wrongSigner',
  answersChanged: 'answersChanged',
  incomplete: 'signNotSent',
  gone: 'signNotSent',
  receiveFailed: 'signNotSent',
  loginLost: 'loginLost',
}

/**
 * The browser's view of an order: BankID's recommended message for its state (docs/domain.md §7), the QR code
 * for this second or the autostart link while it is pending.
 */
export async function orderView(order: StoredOrder, opts: { userAgent: string | null; next?: string; nowMs?: number }): Promise<OrderView> {
  const base = { id: order.id, purpose: order.purpose, flow: order.flow }
  const autoStarted = order.flow === 'autostart'
  const device = deviceKind(opts.userAgent)
  if (order.status === 'pending') {
    // BankID could not be reached on the last collect: say so, keep trying, and offer a fresh start.
    const message = order.errorCode
      ? messageFor({ errorCode: order.errorCode, autoStarted, device })
      : messageFor({ status: 'pending', hintCode: order.hintCode ?? 'outstandingTransaction', autoStarted, device })
    return {
      ...base,
      state: 'pending',
      message: message ? { rfa: message.code } : null,
      ...(order.flow === 'qr' && order.qrStartSecret
        ? { qr: await qrImage({ qrStartToken: order.qrStartToken, qrStartSecret: order.qrStartSecret, startedAt: order.startedAt }, opts.nowMs) }
        : {}),
      ...(order.flow === 'autostart' ? { autoStartHref: `bankid:///?autostarttoken=${encodeURIComponent(order.autoStartToken)}&redirect=null` } : {}),
    }
  }
  if (order.status === 'used' || order.status === 'complete') {
    // Without `next` another request is still acting on the completed order: keep polling briefly.
    return opts.next ? { ...base, state: 'done', message: null, next: opts.next } : { ...base, state: 'pending', message: null }
  }
  if (order.status === 'cancelled') return { ...base, state: 'failed', message: { rfa: 'RFA6' } }
  const portal = order.errorCode ? PORTAL_ERRORS[order.errorCode] : undefined
  if (portal) return { ...base, state: 'failed', message: { portal } }
  const message = order.errorCode
    ? messageFor({ errorCode: order.errorCode, autoStarted, device })
    : messageFor({ status: 'failed', hintCode: order.hintCode ?? '', autoStarted, device })
  return { ...base, state: 'failed', message: { rfa: message?.code ?? 'RFA22' } }
}

/** The message for an order that could not even start (BankID down, alreadyInProgress, rate limit). */
export function startFailure(errorCode: string): OrderView['message'] {
  const portal = PORTAL_ERRORS[errorCode]
  if (portal) return { portal }
  const message = messageFor({ errorCode, autoStarted: false, device: 'mobile' })
  return { rfa: message?.code ?? 'RFA22' }
}
