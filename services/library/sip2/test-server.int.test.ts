import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setEnv } from '#services/env.server.ts'
import { checksum, decodeFrame, encodeFrame, type Sip2Message } from './frame.ts'
import { buildPatronInformationRequest, buildPatronStatusRequest, readPatronInformationResponse, readPatronStatusResponse } from './patron-messages.ts'
import { activeFlags } from './patron-status.ts'
import { buildLoginRequest, buildRequestAcsResend, buildScStatus, readAcsStatus } from './session-messages.ts'
import { SIP2_TEST_PATRONS, SIP2_TEST_PIN } from './test-patrons.ts'
import { startSip2TestServer, type Sip2TestServer } from './test-server.server.ts'

const login = buildLoginRequest({ userId: 'kiosk', password: 'pw' })
const status = buildScStatus({ statusCode: '0', maxPrintWidth: 30, protocolVersion: '2.00' })
const patronRequest = {
  transactionDate: '20250314    101500',
  institutionId: 'BIB',
  patronId: SIP2_TEST_PATRONS.expired.cardNumber,
  patronPassword: SIP2_TEST_PIN,
}

/** A bare socket, so that the server is seen exactly as a client would see it. */
async function rawSession(port: number) {
  const socket = net.connect(port, '127.0.0.1')
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject))
  let buffer = Buffer.alloc(0)
  const frames: Buffer[] = []
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk])
    for (let end = buffer.indexOf(0x0d); end !== -1; end = buffer.indexOf(0x0d)) {
      frames.push(buffer.subarray(0, end + 1))
      buffer = buffer.subarray(end + 1)
    }
  })
  /** The next response (terminator included), or undefined when none comes within the wait. */
  const next = async (waitMs = 300): Promise<Buffer | undefined> => {
    for (const until = Date.now() + waitMs; Date.now() < until; ) {
      const frame = frames.shift()
      if (frame) return frame
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    return frames.shift()
  }
  return {
    send: (bytes: Buffer | string, waitMs?: number) => {
      socket.write(bytes)
      return next(waitMs)
    },
    sendMessage: (message: Sip2Message, sequence?: number) => {
      socket.write(encodeFrame(message, { errorDetection: sequence !== undefined, sequence }))
      return next()
    },
    close: () => socket.destroy(),
  }
}

describe('SIP2 test server', () => {
  let server: Sip2TestServer
  beforeAll(async () => {
    server = await startSip2TestServer({ user: 'kiosk', password: 'pw' })
  })
  afterAll(() => server.close())

  it('answers nothing before a good login, like Koha', async () => {
    const session = await rawSession(server.port)
    expect(await session.sendMessage(status, 1)).toBeUndefined()
    expect(await session.sendMessage(buildPatronInformationRequest(patronRequest), 2)).toBeUndefined()
    session.close()
  })

  it('answers a wrong login with 940 and accepts a right one afterwards', async () => {
    const session = await rawSession(server.port)
    expect(String(await session.sendMessage(buildLoginRequest({ userId: 'kiosk', password: 'nope' }), 1))).toMatch(/^940AY1AZ[0-9A-F]{4}\r$/)
    expect(await session.sendMessage(status, 2)).toBeUndefined()
    expect(String(await session.sendMessage(login, 3))).toBe('941AY3AZFDFA\r')
    session.close()
  })

  it('echoes AY with a fresh checksum, and leaves both out when the request had none', async () => {
    const session = await rawSession(server.port)
    await session.sendMessage(login, 0)
    const withTrailer = await session.sendMessage(status, 7)
    expect(withTrailer).toBeDefined()
    const body = withTrailer?.subarray(0, withTrailer.length - 5) ?? Buffer.alloc(0)
    expect(body.toString('latin1')).toMatch(/AY7AZ$/)
    expect(withTrailer?.subarray(-5, -1).toString()).toBe(checksum(body))

    const bare = await session.sendMessage(status)
    expect(String(bare)).toMatch(/^98Y.*\|\r$/)
    expect(String(bare)).not.toContain('AZ')
    session.close()
  })

  it('asks for a resend (96) when a request has a bad checksum, and resends its last answer on 97', async () => {
    const session = await rawSession(server.port)
    await session.sendMessage(login, 0)
    expect(String(await session.send('9900302.00AY1AZ0000\r'))).toBe('96AZFEF6\r')
    const answer = await session.sendMessage(status, 2)
    expect(await session.sendMessage(buildRequestAcsResend())).toEqual(answer)
    session.close()
  })

  it('advertises 23 and 63 in BX and answers both with the spec layouts', async () => {
    const session = await rawSession(server.port)
    await session.sendMessage(login, 0)
    const acs = readAcsStatus(decodeFrame(await session.sendMessage(status, 1) ?? Buffer.alloc(0)).message)
    expect(acs.online).toBe(true)
    expect([...(acs.supportedMessages ?? [])]).toEqual(expect.arrayContaining(['patronStatusRequest', 'patronInformation', 'login']))

    const info = await session.sendMessage(buildPatronInformationRequest(patronRequest), 2)
    // 64 + 59 fixed characters, then the first field tag.
    expect(String(info).slice(61, 63)).toBe('AO')
    const patron = readPatronInformationResponse(decodeFrame(info ?? Buffer.alloc(0)).message)
    expect(patron).toMatchObject({ personalName: 'Ärlig, Göran', validPatron: true, validPatronPassword: true, screenMessages: ['PATRON EXPIRED'] })
    expect(activeFlags(patron.patronStatus)).toEqual(['chargePrivilegesDenied', 'renewalPrivilegesDenied', 'recallPrivilegesDenied', 'holdPrivilegesDenied'])

    const fines = readPatronStatusResponse(
      decodeFrame(
        (await session.sendMessage(buildPatronStatusRequest({ ...patronRequest, patronId: SIP2_TEST_PATRONS.fines.cardNumber }), 3)) ?? Buffer.alloc(0),
      ).message,
    )
    expect(fines).toMatchObject({ feeAmount: '250.00', currencyType: 'SEK', validPatronPassword: true })
    expect(activeFlags(fines.patronStatus)).toEqual(['excessiveOutstandingFines'])
    session.close()
  })

  it('sends CQ only when the request had a PIN, like Koha', async () => {
    const session = await rawSession(server.port)
    await session.sendMessage(login, 0)
    const { patronPassword: _, ...withoutPin } = patronRequest
    const response = readPatronInformationResponse(decodeFrame((await session.sendMessage(buildPatronInformationRequest(withoutPin), 1)) ?? Buffer.alloc(0)).message)
    expect(response.validPatron).toBe(true)
    expect(response.validPatronPassword).toBeUndefined()
    session.close()
  })

  it('stops accepting connections when closed', async () => {
    const temporary = await startSip2TestServer({ user: 'kiosk', password: 'pw' })
    const session = await rawSession(temporary.port)
    await temporary.close()
    await expect(rawSession(temporary.port)).rejects.toThrow(/ECONNREFUSED/)
    session.close()
  })

  it('refuses to start when APP_ENV is production', async () => {
    // Production's settings are complete, or the portal would not have started (services/env.server.ts).
    const bankid = { BANKID_URL: 'https://appapi2.bankid.com/rp/v6.0/', BANKID_PFX: '/etc/rp.p12', BANKID_PASSPHRASE: 'x', BANKID_CA: '/etc/ca.pem' }
    const answerKeys = `k1:${Buffer.alloc(32, 7).toString('base64')}`
    const production = { APP_ENV: 'production', DATABASE_URL: 'postgres://db/portal', PUBLIC_URL: 'https://e.kommun.se', ANSWER_KEYS: answerKeys, ...bankid }
    setEnv(production)
    try {
      await expect(startSip2TestServer({ user: 'kiosk', password: 'pw' })).rejects.toThrow(/production/)
    } finally {
      setEnv(Object.fromEntries(Object.keys(production).map((k) => [k, undefined])))
    }
  })
})
