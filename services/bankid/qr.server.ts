import { createHmac } from 'node:crypto'

/**
 * The animated QR payload. It is recomputed every second on the server so that qrStartSecret never reaches
 * the browser; a screenshot of an old code becomes useless after a second.
 */
export function qrCode(qrStartToken: string, qrStartSecret: string, seconds: number): string {
  if (!Number.isInteger(seconds) || seconds < 0) throw new RangeError(`seconds must be a non-negative integer, got ${seconds}`)
  const t = String(seconds)
  const auth = createHmac('sha256', qrStartSecret).update(t).digest('hex')
  return `bankid.${qrStartToken}.${t}.${auth}`
}

/** Whole seconds since the order was started, clamped at 0 so a clock step backwards cannot produce a bad code. */
export function qrSeconds(orderStartedAtMs: number, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - orderStartedAtMs) / 1000))
}
