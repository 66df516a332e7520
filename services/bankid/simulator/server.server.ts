import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BankIdErrorCode, FailedHintCode, PendingHintCode } from '../types.ts'
import { DEFAULT_CERT_DIR, ensureSimulatorCerts } from './certs.server.ts'
import { OrderBook, type PendingOrder } from './orders.ts'
import { TEST_PERSONS, type TestPerson } from './persons.ts'
import { validateOrderRef, validateOrderRequest } from './validate.ts'
import { log } from '#services/log/logger.server.ts'
import { env } from '#services/env.server.ts'

// A local stand-in for BankID's RP API v6 (development, demo and tests only), spoken to over mutual TLS
// exactly like the real service, so the portal's production code path is what gets tested.

export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  host?: string
  certDir?: string
  /** Approve every order as this person (any usual personnummer format) after a few collects. */
  autoApprove?: string | null
  now?: () => number
}

export interface SimulatorControl {
  persons: readonly TestPerson[]
  pendingOrders(): PendingOrder[]
  approve(orderRef: string, person: string | TestPerson): void
  userCancel(orderRef: string): void
  fail(orderRef: string, hintCode: FailedHintCode): void
  setHint(orderRef: string, hintCode: PendingHintCode): void
  setAutoApprove(personnummer: string | null): void
  /** Overrides the automatic approval for one order: as this person, or 'manual' (only the control page decides). */
  setOrderAutoApprove(orderRef: string, who: string | 'manual'): void
  /** Answer every request with this error (e.g. 'maintenance', 'internalError') until set back to null. */
  setOutage(errorCode: BankIdErrorCode | null): void
}

export interface BankIdSimulator {
  /** Base URL ending in /rp/v6.0/ */
  url: string
  port: number
  certs: { caPem: string; clientPfxPath: string; passphrase: string; clientCertPem: string; clientKeyPem: string }
  control: SimulatorControl
  close(): Promise<void>
}

const BASE_PATH = '/rp/v6.0/'
const MAX_BODY_BYTES = 1_000_000
export const HTTP_STATUS: Record<BankIdErrorCode, number> = {
  alreadyInProgress: 400,
  invalidParameters: 400,
  unauthorized: 401,
  notFound: 404,
  methodNotAllowed: 405,
  requestTimeout: 408,
  unsupportedMediaType: 415,
  internalError: 500,
  maintenance: 503,
}

function send(res: ServerResponse, status: number, body: object): void {
  const json = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) })
  res.end(json)
}

function sendError(res: ServerResponse, errorCode: BankIdErrorCode, details: string): void {
  send(res, HTTP_STATUS[errorCode], { errorCode, details })
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    // Keep draining so the response can still be written on the same connection.
    if (size <= MAX_BODY_BYTES) chunks.push(buffer)
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)
}

function handler(book: OrderBook, outage: () => BankIdErrorCode | null) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '').split('?')[0] ?? ''
    const method = path.startsWith(BASE_PATH) ? path.slice(BASE_PATH.length) : ''
    if (!['auth', 'sign', 'collect', 'cancel'].includes(method)) return sendError(res, 'notFound', 'Not found')
    if (req.method !== 'POST') return sendError(res, 'methodNotAllowed', 'Method not allowed')
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendError(res, 'unsupportedMediaType', 'Unsupported media type')
    }
    const down = outage()
    if (down !== null) return sendError(res, down, 'Simulated outage')

    const raw = await readBody(req)
    if (raw === null) return sendError(res, 'invalidParameters', 'Too large payload')
    let body: unknown
    try {
      body = JSON.parse(raw.toString('utf8'))
    } catch {
      return sendError(res, 'invalidParameters', 'Invalid JSON')
    }

    if (method === 'auth' || method === 'sign') {
      const request = validateOrderRequest(method, body)
      if (!request.ok) return sendError(res, 'invalidParameters', request.details)
      const started = book.start(method, request.value)
      return started.ok ? send(res, 200, started.response) : sendError(res, started.errorCode, started.details)
    }
    const orderRef = validateOrderRef(body)
    if (!orderRef.ok) return sendError(res, 'invalidParameters', orderRef.details)
    const result = method === 'collect' ? book.collect(orderRef.value) : book.cancel(orderRef.value)
    return result.ok ? send(res, 200, result.response) : sendError(res, result.errorCode, result.details)
  }
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}

export async function startBankIdSimulator(options: SimulatorOptions = {}): Promise<BankIdSimulator> {
  if (env().APP_ENV === 'production') throw new Error('The BankID simulator must not run with APP_ENV=production')
  const { port = 0, host = '127.0.0.1', certDir = DEFAULT_CERT_DIR, autoApprove = null, now = Date.now } = options
  const certs = await ensureSimulatorCerts(certDir)
  const book = new OrderBook({ now, autoApprove })
  let outage: BankIdErrorCode | null = null

  const handle = handler(book, () => outage)
  const server: Server = createServer(
    { key: certs.serverKeyPem, cert: certs.serverCertPem, ca: certs.caPem, requestCert: true, rejectUnauthorized: true },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        log.error({ err: error }, 'BankID simulator: request failed')
        if (!res.headersSent) sendError(res, 'internalError', 'Internal error')
        else res.destroy()
      })
    },
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('BankID simulator: not listening on a TCP port')
  const actualPort = address.port

  const control: SimulatorControl = {
    persons: TEST_PERSONS,
    pendingOrders: () => book.pending(),
    approve: (orderRef, person) => book.approve(orderRef, person),
    userCancel: (orderRef) => book.userCancel(orderRef),
    fail: (orderRef, hintCode) => book.fail(orderRef, hintCode),
    setHint: (orderRef, hintCode) => book.setHint(orderRef, hintCode),
    setAutoApprove: (personnummer) => book.setAutoApprove(personnummer),
    setOrderAutoApprove: (orderRef, who) => book.setOrderAutoApprove(orderRef, who),
    setOutage: (errorCode) => {
      outage = errorCode
    },
  }

  return {
    url: `https://${urlHost(host)}:${actualPort}${BASE_PATH}`,
    port: actualPort,
    certs: { caPem: certs.caPem, clientPfxPath: certs.clientPfxPath, passphrase: certs.passphrase, clientCertPem: certs.clientCertPem, clientKeyPem: certs.clientKeyPem },
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // Keep-alive connections would otherwise hold close() open until they time out.
        server.closeAllConnections()
      }),
  }
}
