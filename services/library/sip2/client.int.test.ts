import net from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createSip2Client, LibraryUnavailableError, type Sip2ClientConfig } from './client.server.ts'
import { Sip2EncodeError } from './errors.ts'
import { SIP2_TEST_PATRONS, SIP2_TEST_PIN, SIP2_UNKNOWN_CARD } from './test-patrons.ts'
import { startSip2TestServer, type Sip2TestServer, type Sip2TestServerOptions } from './test-server.server.ts'

const USER = 'kiosk01'
const PASSWORD = 's3cret'
const { valid, blocked, lost, expired, fines } = SIP2_TEST_PATRONS

const started: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()))
})

async function testServer(options: Partial<Sip2TestServerOptions> = {}): Promise<Sip2TestServer> {
  const server = await startSip2TestServer({ user: USER, password: PASSWORD, ...options })
  started.push(server)
  return server
}

function client(port: number, config: Partial<Sip2ClientConfig> = {}) {
  return createSip2Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    locationCode: 'Strand',
    institutionId: 'BIB',
    connectTimeoutMs: 1_000,
    responseTimeoutMs: 1_000,
    totalTimeoutMs: 5_000,
    ...config,
  })
}

async function unavailable(promise: Promise<unknown>): Promise<LibraryUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(LibraryUnavailableError)
  return error as LibraryUnavailableError
}

/** A TCP server that answers each received frame with whatever `answer` returns, and counts connections. */
async function scriptedServer(answer: (frame: string) => string | undefined) {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => {})
    let buffer = ''
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1')
      for (let end = buffer.indexOf('\r'); end !== -1; end = buffer.indexOf('\r')) {
        const reply = answer(buffer.slice(0, end))
        buffer = buffer.slice(end + 1)
        if (reply !== undefined) socket.write(reply)
      }
    })
  })
  let connections = 0
  server.on('connection', () => connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const handle = {
    port: (server.address() as net.AddressInfo).port,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
  started.push(handle)
  return handle
}

async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('verifyPatron against the SIP2 test server', () => {
  let server: Sip2TestServer
  beforeAll(async () => {
    server = await startSip2TestServer({ user: USER, password: PASSWORD })
  })
  afterAll(() => server.close())

  it('accepts the right PIN and returns the name with å ä ö intact', async () => {
    await expect(client(server.port).verifyPatron(valid.cardNumber, SIP2_TEST_PIN)).resolves.toEqual({
      ok: true,
      patron: { id: valid.cardNumber, name: 'Märta Åström' },
    })
  })

  it('reports a wrong PIN', async () => {
    await expect(client(server.port).verifyPatron(valid.cardNumber, '9999')).resolves.toEqual({ ok: false, reason: 'wrong-pin' })
  })

  it('reports an unknown card', async () => {
    await expect(client(server.port).verifyPatron(SIP2_UNKNOWN_CARD, SIP2_TEST_PIN)).resolves.toEqual({ ok: false, reason: 'unknown-card' })
  })

  it.each([
    ['debarred', blocked],
    ['lost', lost],
    ['expired', expired],
  ])('reports a %s card as blocked', async (_, patron) => {
    await expect(client(server.port).verifyPatron(patron.cardNumber, SIP2_TEST_PIN)).resolves.toEqual({ ok: false, reason: 'blocked' })
  })

  it('says wrong PIN, not blocked, when a blocked card is tried with the wrong PIN', async () => {
    await expect(client(server.port).verifyPatron(blocked.cardNumber, '0000')).resolves.toEqual({ ok: false, reason: 'wrong-pin' })
  })

  it('lets a patron with fines in unless the site denies on fines', async () => {
    await expect(client(server.port).verifyPatron(fines.cardNumber, SIP2_TEST_PIN)).resolves.toMatchObject({ ok: true })
    await expect(
      client(server.port, { denyOn: ['chargePrivilegesDenied', 'excessiveOutstandingFines'] }).verifyPatron(fines.cardNumber, SIP2_TEST_PIN),
    ).resolves.toEqual({ ok: false, reason: 'blocked' })
  })

  it('treats a rejected terminal login as the library being unavailable, without retrying', async () => {
    const error = await unavailable(client(server.port, { password: 'wrong' }).verifyPatron(valid.cardNumber, SIP2_TEST_PIN))
    expect(error.reason).toBe('login-rejected')
  })

  it('never sends an empty PIN, and refuses input with | before connecting', async () => {
    const port = await closedPort()
    await expect(client(port).verifyPatron(valid.cardNumber, '')).resolves.toEqual({ ok: false, reason: 'wrong-pin' })
    await expect(client(port).verifyPatron(`${valid.cardNumber}|AD1234`, SIP2_TEST_PIN)).rejects.toThrow(Sip2EncodeError)
    await expect(client(port).verifyPatron(valid.cardNumber, '12\r34')).rejects.toThrow(Sip2EncodeError)
  })
})

describe('server variants', () => {
  it('uses 23 when the server only offers patron status (BX)', async () => {
    const server = await testServer({ patronMessages: ['23'] })
    await expect(client(server.port).verifyPatron(valid.cardNumber, SIP2_TEST_PIN)).resolves.toMatchObject({ ok: true })
    await expect(client(server.port).verifyPatron(lost.cardNumber, SIP2_TEST_PIN)).resolves.toEqual({ ok: false, reason: 'blocked' })
  })

  it.each(['latin1', 'cp850'] as const)('reads names from a %s server when configured for it', async (encoding) => {
    const server = await testServer({ encoding })
    await expect(client(server.port, { encoding }).verifyPatron(blocked.cardNumber, '0000')).resolves.toEqual({ ok: false, reason: 'wrong-pin' })
    await expect(client(server.port, { encoding }).verifyPatron(valid.cardNumber, SIP2_TEST_PIN)).resolves.toMatchObject({
      patron: { name: 'Märta Åström' },
    })
  })

  it('still reads å ä ö when a server configured as UTF-8 actually sends Latin-1', async () => {
    const server = await testServer({ encoding: 'latin1' })
    await expect(client(server.port, { encoding: 'utf8' }).verifyPatron(valid.cardNumber, SIP2_TEST_PIN)).resolves.toMatchObject({
      patron: { name: 'Märta Åström' },
    })
  })

  it('copes with CRLF, responses split over several reads, and no AY/AZ', async () => {
    const server = await testServer({ terminator: '\r\n', splitResponses: true, errorDetection: false })
    await expect(client(server.port).verifyPatron(valid.cardNumber, SIP2_TEST_PIN)).resolves.toMatchObject({ ok: true })
  })

  it('works without error detection on its own side', async () => {
    const server = await testServer()
    await expect(client(server.port, { errorDetection: false }).verifyPatron(valid.cardNumber, '9999')).resolves.toEqual({
      ok: false,
      reason: 'wrong-pin',
    })
  })

  it('asks for a resend (97) when a response has a bad checksum', async () => {
    const server = await testServer({ corruptChecksums: 1 })
    await expect(client(server.port, { retries: 0 }).verifyPatron(valid.cardNumber, SIP2_TEST_PIN)).resolves.toMatchObject({ ok: true })
  })

  it('gives up when checksums stay bad', async () => {
    const server = await testServer({ corruptChecksums: 100 })
    const error = await unavailable(client(server.port, { retries: 0 }).verifyPatron(valid.cardNumber, SIP2_TEST_PIN))
    expect(error.reason).toBe('bad-response')
  })

  it('reports an ACS that says it is offline', async () => {
    const server = await testServer({ online: false })
    expect((await unavailable(client(server.port).verifyPatron(valid.cardNumber, SIP2_TEST_PIN))).reason).toBe('offline')
  })
})

describe('when the library system is not there', () => {
  it('throws LibraryUnavailableError when nothing listens on the port', async () => {
    const error = await unavailable(client(await closedPort()).verifyPatron(valid.cardNumber, SIP2_TEST_PIN))
    expect(error.reason).toBe('connect-failed')
  })

  it('times out on a server that accepts but never answers, after one retry on a fresh connection', async () => {
    const silent = await scriptedServer(() => undefined)
    const startedAt = Date.now()
    const error = await unavailable(client(silent.port, { responseTimeoutMs: 200 }).verifyPatron(valid.cardNumber, SIP2_TEST_PIN))
    expect(error.reason).toBe('timeout')
    expect(silent.connections()).toBe(2)
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(400)
  })

  it('keeps to the overall time limit', async () => {
    const silent = await scriptedServer(() => undefined)
    const startedAt = Date.now()
    const error = await unavailable(
      client(silent.port, { responseTimeoutMs: 5_000, totalTimeoutMs: 300 }).verifyPatron(valid.cardNumber, SIP2_TEST_PIN),
    )
    expect(error.reason).toBe('timeout')
    expect(Date.now() - startedAt).toBeLessThan(1_500)
  })

  it('throws on garbage', async () => {
    const http = await scriptedServer(() => 'HTTP/1.1 400 Bad Request\r\n\r\n')
    const error = await unavailable(client(http.port).verifyPatron(valid.cardNumber, SIP2_TEST_PIN))
    expect(error.reason).toBe('bad-response')
    expect(error.cause).toBeDefined()
  })

  it('throws on an endless line without terminator', async () => {
    const flood = await scriptedServer(() => 'x'.repeat(70_000))
    expect((await unavailable(client(flood.port, { retries: 0 }).verifyPatron(valid.cardNumber, SIP2_TEST_PIN))).reason).toBe('bad-response')
  })

  it('refuses an answer carrying another sequence number (a stale response)', async () => {
    const stale = await scriptedServer((frame) => (frame.startsWith('93') ? '941AY9AZFDF4\r' : undefined))
    expect((await unavailable(client(stale.port, { retries: 0 }).verifyPatron(valid.cardNumber, SIP2_TEST_PIN))).reason).toBe('bad-response')
  })

  it('throws when the server hangs up mid-conversation', async () => {
    // resume(): a socket that is never read never sees the client's FIN, and close() would wait for it forever.
    const hangUp = net.createServer((socket) => socket.on('error', () => {}).resume().end())
    started.push({ close: () => new Promise((resolve) => hangUp.close(() => resolve())) })
    await new Promise<void>((resolve) => hangUp.listen(0, '127.0.0.1', resolve))
    const error = await unavailable(client((hangUp.address() as net.AddressInfo).port).verifyPatron(valid.cardNumber, SIP2_TEST_PIN))
    expect(error.reason).toBe('connection-lost')
  })
})
