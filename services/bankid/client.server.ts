import { BankIdClientV6 } from 'bankid'
import type { CollectResponse, CompletionData, Requirement, StartResponse, WebDeviceParameters } from './types.ts'

// A thin, typed layer over npm `bankid` 3.2's BankIdClientV6. It works around the package's quirks:
// no base-URL option (we set axios' baseURL), partly wrong request/response types, string `ca`/`pfx` read as
// file paths, errors that lose the HTTP status, and a QR timer per order (disabled; use qr.server.ts).

/** The API answered with an error (`errorCode` as sent by BankID). Never show `details` to the user. */
export class BankIdError extends Error {
  readonly errorCode: string
  /** null when the request never got an HTTP answer, or was refused before it was sent. */
  readonly httpStatus: number | null
  readonly details: string | undefined

  constructor(errorCode: string, httpStatus: number | null, details?: string, options?: { cause?: unknown }) {
    super(`BankID ${errorCode}${httpStatus === null ? '' : ` (HTTP ${httpStatus})`}${details === undefined ? '' : `: ${details}`}`, options)
    this.name = 'BankIdError'
    this.errorCode = errorCode
    this.httpStatus = httpStatus
    this.details = details
  }
}

/**
 * BankID could not be reached, timed out or answered 5xx/408: worth a retry, show RFA5. `errorCode` is the
 * server's (internalError, maintenance, requestTimeout) or 'unreachable' when there was no answer at all.
 */
export class BankIdUnavailableError extends BankIdError {
  constructor(errorCode: string, httpStatus: number | null, details?: string, options?: { cause?: unknown }) {
    super(errorCode, httpStatus, details, options)
    this.name = 'BankIdUnavailableError'
  }
}

export interface BankIdClientOptions {
  /** Base URL, e.g. https://appapi2.test.bankid.com/rp/v6.0/ */
  url: string
  /** The RP certificate: a path to the .p12/.pfx file or its bytes. */
  pfx: string | Buffer
  passphrase: string
  /** The CA that issued BankID's server certificate: PEM text, a path to a PEM file, or its bytes. */
  ca: string | Buffer
  timeoutMs?: number
}

export interface OrderParams {
  endUserIp: string
  requirement?: Requirement
  /** Plain text (UTF-8): it is base64-encoded on the way out. */
  userVisibleData?: string
  userVisibleDataFormat?: 'simpleMarkdownV1'
  /** Plain text (UTF-8): it is base64-encoded on the way out. */
  userNonVisibleData?: string
  returnUrl?: string
  returnRisk?: boolean
  web?: WebDeviceParameters
}

export interface SignParams extends OrderParams {
  userVisibleData: string
}

export interface BankIdClient {
  auth(params: OrderParams): Promise<StartResponse>
  sign(params: SignParams): Promise<StartResponse>
  collect(orderRef: string): Promise<CollectResponse>
  cancel(orderRef: string): Promise<void>
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Turns what axios rejects with into our errors; anything else (a bug) passes through untouched. */
export function toBankIdError(error: unknown): unknown {
  if (!isRecord(error) || error.isAxiosError !== true) return error
  const response = isRecord(error.response) ? error.response : null
  if (response === null) {
    const message = error instanceof Error ? error.message : 'No response'
    return new BankIdUnavailableError('unreachable', null, message, { cause: error })
  }
  const status = typeof response.status === 'number' ? response.status : null
  const data = isRecord(response.data) ? response.data : {}
  const errorCode = typeof data.errorCode === 'string' ? data.errorCode : `http${status ?? ''}`
  const details = typeof data.details === 'string' ? data.details : undefined
  const transient = status !== null && (status >= 500 || status === 408)
  return transient
    ? new BankIdUnavailableError(errorCode, status, details, { cause: error })
    : new BankIdError(errorCode, status, details, { cause: error })
}

function isCompletionData(value: unknown): value is CompletionData {
  if (!isRecord(value) || !isRecord(value.user) || !isRecord(value.device)) return false
  const { user, device } = value
  return (
    ['personalNumber', 'name', 'givenName', 'surname'].every((key) => typeof user[key] === 'string') &&
    typeof device.ipAddress === 'string' &&
    typeof value.signature === 'string' &&
    typeof value.ocspResponse === 'string'
  )
}

function parseStart(data: unknown): StartResponse {
  if (isRecord(data)) {
    const { orderRef, autoStartToken, qrStartToken, qrStartSecret } = data
    if (typeof orderRef === 'string' && typeof autoStartToken === 'string' && typeof qrStartToken === 'string' && typeof qrStartSecret === 'string') {
      return { orderRef, autoStartToken, qrStartToken, qrStartSecret }
    }
  }
  throw new BankIdError('invalidResponse', 200, 'Unexpected auth/sign response')
}

function parseCollect(data: unknown): CollectResponse {
  if (isRecord(data) && typeof data.orderRef === 'string') {
    const { orderRef, status } = data
    const hintCode = typeof data.hintCode === 'string' ? data.hintCode : ''
    if (status === 'pending' || status === 'failed') return { orderRef, status, hintCode }
    if (status === 'complete' && isCompletionData(data.completionData)) return { orderRef, status, completionData: data.completionData }
  }
  throw new BankIdError('invalidResponse', 200, 'Unexpected collect response')
}

function checkOrder(params: OrderParams, kind: 'auth' | 'sign'): void {
  // The package throws plain Errors for these before sending; ours carry an errorCode like the API's.
  if (!params.endUserIp) throw new BankIdError('invalidParameters', null, 'Missing endUserIp')
  if (kind === 'sign' && !params.userVisibleData) throw new BankIdError('invalidParameters', null, 'Missing userVisibleData')
}

export function createBankIdClient(options: BankIdClientOptions): BankIdClient {
  // A string `ca` is read as a file path by the package, so PEM text must be handed over as bytes.
  const ca = typeof options.ca === 'string' && options.ca.includes('-----BEGIN') ? Buffer.from(options.ca) : options.ca
  const client = new BankIdClientV6({ production: false, pfx: options.pfx, passphrase: options.passphrase, ca, qrEnabled: false })
  client.axios.defaults.baseURL = options.url.endsWith('/') ? options.url : `${options.url}/`
  client.axios.defaults.timeout = options.timeoutMs ?? 10_000
  // BankID must be reached directly with our client certificate; an HTTPS_PROXY in the environment would break that.
  client.axios.defaults.proxy = false
  // Convert here, while the HTTP status is still known: the package would replace it with its own BankIdError.
  client.axios.interceptors.response.use(undefined, (error: unknown) => Promise.reject(toBankIdError(error)))

  type AuthRequest = Parameters<BankIdClientV6['authenticate']>[0]
  return {
    async auth(params) {
      checkOrder(params, 'auth')
      // The package's AuthRequestV6 wrongly makes requirement.pinCode/mrtd/personalNumber mandatory.
      return parseStart(await client.authenticate(params as unknown as AuthRequest))
    },
    async sign(params) {
      checkOrder(params, 'sign')
      return parseStart(await client.sign(params))
    },
    async collect(orderRef) {
      return parseCollect(await client.collect({ orderRef }))
    },
    async cancel(orderRef) {
      await client.cancel({ orderRef })
    },
  }
}
