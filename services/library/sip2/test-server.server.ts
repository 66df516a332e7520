import net from 'node:net'
import { env } from '#services/env.server.ts'
import type { Sip2Encoding } from './charset.ts'
import { Sip2ParseError } from './errors.ts'
import { formatSip2Date } from './fields.ts'
import { decodeFrame, encodeFrame, splitFrames, type DecodedFrame, type Sip2Message } from './frame.ts'
import {
  buildPatronInformationResponse,
  buildPatronStatusResponse,
  readPatronInformationRequest,
  readPatronStatusRequest,
  type PatronRequest,
  type PatronResponse,
} from './patron-messages.ts'
import { patronStatusOf } from './patron-status.ts'
import { buildAcsStatus, buildLoginResponse, buildRequestScResend, readLoginRequest, type SupportedMessage } from './session-messages.ts'
import { DEFAULT_SIP2_TEST_PATRONS, type Sip2TestPatron } from './test-patrons.ts'

export interface Sip2TestServerOptions {
  readonly port?: number
  readonly host?: string
  /** The terminal account a client must log in with (93) before anything else is answered. */
  readonly user: string
  readonly password: string
  readonly institutionId?: string
  readonly patrons?: readonly Sip2TestPatron[]
  readonly encoding?: Sip2Encoding
  /** Koha sends CRLF unless configured otherwise. */
  readonly terminator?: '\r' | '\r\n'
  /** Answer with AY/AZ when the request had them, like Koha (default true). */
  readonly errorDetection?: boolean
  /** Which patron messages BX advertises and get an answer (default both; FOLIO only has 63). */
  readonly patronMessages?: readonly ('23' | '63')[]
  /** 98 online flag (default true). */
  readonly online?: boolean
  /** Send each response in two writes, to exercise buffering in clients. */
  readonly splitResponses?: boolean
  readonly responseDelayMs?: number
  /** Damage the checksum of this many responses, to exercise 97 handling. */
  readonly corruptChecksums?: number
}

export interface Sip2TestServer {
  readonly port: number
  readonly host: string
  close(): Promise<void>
}

/**
 * A SIP2 server with fixed test patrons (see test-patrons.ts), for development and tests. Behaves like Koha where
 * the spec leaves room: nothing is answered before a good 93, a wrong login gets 940, a bad checksum gets 96.
 */
export function startSip2TestServer(options: Sip2TestServerOptions): Promise<Sip2TestServer> {
  // Test patrons have well-known PINs; this must never be reachable in production.
  if (env().APP_ENV === 'production') return Promise.reject(new Error('The SIP2 test server must not run in production'))
  const { port = 0, host = '127.0.0.1' } = options
  const sockets = new Set<net.Socket>()
  const state = { corruptLeft: options.corruptChecksums ?? 0 }
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    serveConnection(socket, options, state)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const address = server.address() as net.AddressInfo
      resolve({
        port: address.port,
        host,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy()
            server.close(() => done())
          }),
      })
    })
  })
}

function serveConnection(socket: net.Socket, options: Sip2TestServerOptions, state: { corruptLeft: number }): void {
  const encoding = options.encoding ?? 'utf8'
  let buffer: Buffer = Buffer.alloc(0)
  let loggedIn = false
  let lastResponse: { bytes: Buffer; checked: boolean } | undefined
  socket.on('error', () => socket.destroy())

  const send = (bytes: Buffer) => {
    const write = () => {
      if (socket.destroyed) return
      if (!options.splitResponses) return void socket.write(bytes)
      const middle = Math.floor(bytes.length / 2)
      socket.write(bytes.subarray(0, middle))
      setTimeout(() => !socket.destroyed && socket.write(bytes.subarray(middle)), 20)
    }
    if (options.responseDelayMs) setTimeout(write, options.responseDelayMs)
    else write()
  }

  // Resends (97) are damaged too while corruptChecksums lasts, so a client's give-up path can be tested.
  const transmit = (response: { bytes: Buffer; checked: boolean }) => {
    if (response.checked && state.corruptLeft > 0) {
      state.corruptLeft--
      send(corruptChecksum(response.bytes))
    } else {
      send(response.bytes)
    }
  }

  const reply = (request: DecodedFrame, message: Sip2Message) => {
    const errorDetection = (options.errorDetection ?? true) && request.checksum !== undefined
    const bytes = encodeFrame(message, { encoding, errorDetection, sequence: request.sequence, terminator: options.terminator ?? '\r' })
    lastResponse = { bytes, checked: errorDetection }
    transmit(lastResponse)
  }

  const handle = (frame: Buffer) => {
    let request: DecodedFrame
    try {
      request = decodeFrame(frame, { encoding })
    } catch (error) {
      if (error instanceof Sip2ParseError && error.failure === 'checksum') {
        send(encodeFrame(buildRequestScResend(), { encoding, errorDetection: true, terminator: options.terminator ?? '\r' }))
      }
      return
    }
    const { message } = request
    if (message.code === '97') {
      if (lastResponse) transmit(lastResponse)
      return
    }
    if (message.code === '93') {
      const login = readLoginRequest(message)
      loggedIn = login.userId === options.user && login.password === options.password
      reply(request, buildLoginResponse({ ok: loggedIn }))
      return
    }
    if (!loggedIn) return
    const answer = respond(message, options)
    if (answer) reply(request, answer)
  }

  socket.on('data', (chunk: Buffer) => {
    const { frames, rest } = splitFrames(Buffer.concat([buffer, chunk]))
    buffer = rest
    for (const frame of frames) {
      try {
        handle(frame)
      } catch {
        // A request we cannot read gets no answer, as with Koha; the client's timeout takes over.
      }
    }
  })
}

function respond(message: Sip2Message, options: Sip2TestServerOptions): Sip2Message | undefined {
  const patronMessages = options.patronMessages ?? ['23', '63']
  switch (message.code) {
    case '99': {
      const supported: SupportedMessage[] = ['scAcsStatus', 'requestScAcsResend', 'login']
      if (patronMessages.includes('23')) supported.push('patronStatusRequest')
      if (patronMessages.includes('63')) supported.push('patronInformation')
      return buildAcsStatus({
        online: options.online ?? true,
        checkinOk: false,
        checkoutOk: false,
        renewalPolicy: false,
        statusUpdateOk: false,
        offlineOk: false,
        timeoutPeriod: 30,
        retriesAllowed: 3,
        dateTimeSync: formatSip2Date(new Date()),
        protocolVersion: '2.00',
        institutionId: options.institutionId ?? 'BIB',
        libraryName: 'Testbiblioteket',
        supportedMessages: new Set(supported),
        screenMessages: [],
        printLines: [],
      })
    }
    case '23':
      return patronMessages.includes('23') ? buildPatronStatusResponse(patronAnswer(readPatronStatusRequest(message), options)) : undefined
    case '63':
      if (!patronMessages.includes('63')) return undefined
      return buildPatronInformationResponse({
        ...patronAnswer(readPatronInformationRequest(message), options),
        holdItems: 0,
        overdueItems: 0,
        chargedItems: 0,
        fineItems: 0,
        recallItems: 0,
        unavailableHolds: 0,
      })
    default:
      return undefined
  }
}

/** Koha's build_patron_status, reduced to what login needs. */
function patronAnswer(request: PatronRequest, options: Sip2TestServerOptions): PatronResponse {
  const patron = (options.patrons ?? DEFAULT_SIP2_TEST_PATRONS).find((candidate) => candidate.cardNumber === request.patronId)
  const common = {
    language: request.language ?? '000',
    transactionDate: formatSip2Date(new Date()),
    institutionId: options.institutionId ?? 'BIB',
    patronId: request.patronId,
    printLines: [],
  }
  if (!patron) {
    return {
      ...common,
      patronStatus: patronStatusOf(['chargePrivilegesDenied', 'renewalPrivilegesDenied', 'recallPrivilegesDenied', 'holdPrivilegesDenied']),
      personalName: '',
      validPatron: false,
      screenMessages: ['Invalid cardnumber'],
    }
  }
  // Like Koha, CQ is only sent when the request carried a PIN.
  const pinGiven = request.patronPassword !== undefined
  const pinOk = pinGiven && request.patronPassword === patron.pin
  return {
    ...common,
    patronStatus: patronStatusOf(patron.status),
    personalName: patron.name,
    validPatron: true,
    ...(pinGiven ? { validPatronPassword: pinOk } : {}),
    ...(patron.currencyType === undefined ? {} : { currencyType: patron.currencyType }),
    ...(patron.feeAmount === undefined ? {} : { feeAmount: patron.feeAmount }),
    screenMessages: [patron.screenMessage, pinGiven && !pinOk ? 'Invalid password' : undefined].filter((text) => text !== undefined),
  }
}

/** Flips the last checksum digit; the terminator is left alone so that framing still works. */
function corruptChecksum(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes)
  const index = copy.indexOf(0x0d) - 1
  copy[index] = copy[index] === 0x30 ? 0x31 : 0x30
  return copy
}
