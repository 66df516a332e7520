import { env as settings, type Env } from '#services/env.server.ts'
import type { Sip2Encoding } from './charset.ts'
import { Sip2Connection } from './connection.server.ts'
import { DEFAULT_DENY_ON, decidePatron, type PatronVerification } from './decide.ts'
import { LibraryUnavailableError, Sip2ParseError } from './errors.ts'
import { formatSip2Date, present } from './fields.ts'
import { encodeFrame, type Sip2Message } from './frame.ts'
import {
  buildPatronInformationRequest,
  buildPatronStatusRequest,
  readPatronInformationResponse,
  readPatronStatusResponse,
  type PatronRequest,
} from './patron-messages.ts'
import type { PatronStatusFlag } from './patron-status.ts'
import { buildLoginRequest, buildScStatus, readAcsStatus, readLoginResponse, type AcsStatus } from './session-messages.ts'

export { LibraryUnavailableError } from './errors.ts'
export type { PatronRejection, PatronVerification } from './decide.ts'

export interface Sip2ClientConfig {
  readonly host: string
  readonly port: number
  /** The terminal's SIP account (93 CN/CO). Leave out for servers that whitelist by IP and take no 93. */
  readonly user?: string
  readonly password?: string
  /** 93 CP. */
  readonly locationCode?: string
  /** AO. */
  readonly institutionId: string
  /** AC in 23/63; most servers ignore it. */
  readonly terminalPassword?: string
  /** Default utf8 (with Latin-1 fallback when decoding). Must match the server's account setting. */
  readonly encoding?: Sip2Encoding
  /** Send AY/AZ (default true). */
  readonly errorDetection?: boolean
  /** 3-digit SIP2 language code, default '000' (unknown). */
  readonly language?: string
  /** Default 'auto': 63 unless the 98 BX says only 23 is supported (FOLIO has 63 but not 23). */
  readonly patronMessage?: 'auto' | '63' | '23'
  /** Patron status positions that make a valid card + PIN count as blocked. */
  readonly denyOn?: readonly PatronStatusFlag[]
  readonly connectTimeoutMs?: number
  readonly responseTimeoutMs?: number
  /** For one verifyPatron call including its retry. */
  readonly totalTimeoutMs?: number
  /** Extra attempts on a fresh connection after a transport failure (default 1). */
  readonly retries?: number
}

export interface Sip2Client {
  /**
   * Checks a library card and PIN. Resolves with the library's answer about the patron; rejects with
   * LibraryUnavailableError when there is no answer, and with Sip2EncodeError (before connecting) when the card or
   * PIN contains characters that cannot be sent, such as '|' or CR — validate the input format first.
   */
  verifyPatron(cardNumber: string, pin: string): Promise<PatronVerification>
}

// Transport failures, where no answer about the patron arrived. An answer (BLN, CQN) is never retried because
// PIN attempts may count towards the ILS's lockout; a rejected terminal login or an offline ACS will not get
// better within seconds.
const RETRYABLE = new Set<LibraryUnavailableError['reason']>(['connect-failed', 'timeout', 'connection-lost', 'bad-response'])

/**
 * A connection per verification: logins are rare (a few per kiosk per hour), and servers drop idle sessions
 * (Koha after 10 minutes) or refuse a second login on the same account, so a kept-open connection would need
 * keepalives and reconnect logic for no measurable gain.
 */
export function createSip2Client(config: Sip2ClientConfig): Sip2Client {
  const connectTimeoutMs = config.connectTimeoutMs ?? 3_000
  const responseTimeoutMs = config.responseTimeoutMs ?? 5_000
  const totalTimeoutMs = config.totalTimeoutMs ?? 15_000
  const retries = config.retries ?? 1

  async function attempt(request: PatronRequest, cardNumber: string, deadline: number): Promise<PatronVerification> {
    const remaining = (limit: number) => Math.max(0, Math.min(limit, deadline - Date.now()))
    const connection = await Sip2Connection.open({
      host: config.host,
      port: config.port,
      encoding: config.encoding ?? 'utf8',
      errorDetection: config.errorDetection ?? true,
      connectTimeoutMs: remaining(connectTimeoutMs),
    })
    const ask = (message: Sip2Message) => connection.request(message, remaining(responseTimeoutMs))
    try {
      if (config.user !== undefined) {
        const login = readLoginResponse(
          await ask(buildLoginRequest({ userId: config.user, password: config.password ?? '', locationCode: config.locationCode })),
        )
        if (!login.ok) throw new LibraryUnavailableError('login-rejected', 'The SIP2 server rejected the terminal login')
      }
      const acs = readAcsStatus(await ask(buildScStatus({ statusCode: '0', maxPrintWidth: 30, protocolVersion: '2.00' })))
      if (!acs.online) throw new LibraryUnavailableError('offline', 'The library system reports that it is offline')
      const response = prefersPatronStatus(config.patronMessage ?? 'auto', acs)
        ? readPatronStatusResponse(await ask(buildPatronStatusRequest(request)))
        : readPatronInformationResponse(await ask(buildPatronInformationRequest(request)))
      return decidePatron(response, cardNumber, config.denyOn ?? DEFAULT_DENY_ON)
    } catch (error) {
      if (error instanceof Sip2ParseError) {
        throw new LibraryUnavailableError('bad-response', 'Unexpected response from the SIP2 server', { cause: error })
      }
      throw error
    } finally {
      connection.close()
    }
  }

  return {
    async verifyPatron(cardNumber, pin) {
      // Koha's allow_empty_passwords would accept an empty AD: a kiosk must never log in on a card number alone.
      if (pin === '') return { ok: false, reason: 'wrong-pin' }
      const request: PatronRequest = {
        language: config.language ?? '000',
        transactionDate: formatSip2Date(new Date()),
        institutionId: config.institutionId,
        patronId: cardNumber,
        ...present('terminalPassword', config.terminalPassword),
        patronPassword: pin,
      }
      // Encoding both variants now makes bad input fail before anything is sent.
      const encoding = config.encoding ?? 'utf8'
      encodeFrame(buildPatronInformationRequest(request), { encoding })
      encodeFrame(buildPatronStatusRequest(request), { encoding })
      const deadline = Date.now() + totalTimeoutMs
      for (let attemptNo = 0; ; attemptNo++) {
        try {
          return await attempt(request, cardNumber, deadline)
        } catch (error) {
          const retry = error instanceof LibraryUnavailableError && RETRYABLE.has(error.reason) && attemptNo < retries && Date.now() < deadline
          if (!retry) throw error
        }
      }
    },
  }
}

function prefersPatronStatus(choice: 'auto' | '63' | '23', acs: AcsStatus): boolean {
  if (choice !== 'auto') return choice === '23'
  const supported = acs.supportedMessages
  return supported !== undefined && !supported.has('patronInformation') && supported.has('patronStatusRequest')
}

type Sip2Env = Pick<Env, 'SIP2_HOST' | 'SIP2_PORT' | 'SIP2_USER' | 'SIP2_PASSWORD' | 'SIP2_INSTITUTION' | 'SIP2_LOCATION' | 'SIP2_ENCODING'>

/**
 * The library system from SIP2_HOST, SIP2_PORT, SIP2_USER, SIP2_PASSWORD, SIP2_INSTITUTION and the optional
 * SIP2_LOCATION and SIP2_ENCODING (their values are checked with the other settings, services/env.server.ts,
 * so a misconfiguration shows at startup and not at a kiosk). Undefined when SIP2_HOST is unset (the caller
 * then starts the test server).
 */
export function sip2ConfigFromEnv(env: Sip2Env = settings()): Sip2ClientConfig | undefined {
  const host = env.SIP2_HOST
  if (!host) return undefined
  return {
    host,
    port: env.SIP2_PORT,
    institutionId: env.SIP2_INSTITUTION ?? '',
    encoding: env.SIP2_ENCODING,
    ...(env.SIP2_USER === undefined ? {} : { user: env.SIP2_USER, password: env.SIP2_PASSWORD ?? '' }),
    ...present('locationCode', env.SIP2_LOCATION),
  }
}
