import QRCode from 'qrcode'
import { qrCode, qrSeconds } from './qr.server.ts'

/**
 * The animated QR code for this second as an SVG data URI, drawn on the server so the qrStartSecret never
 * leaves it. An <img> with a data URI needs no script and passes the CSP (img-src data:).
 */
export async function qrImage(order: { qrStartToken: string; qrStartSecret: string; startedAt: Date }, nowMs = Date.now()): Promise<string> {
  const payload = qrCode(order.qrStartToken, order.qrStartSecret, qrSeconds(order.startedAt.getTime(), nowMs))
  // Error correction L keeps the modules large; a quiet zone of 4 modules is what scanners expect.
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'L', margin: 4 })
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}
