import { readFile, mkdtemp, rm } from 'node:fs/promises'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBankIdSimulator, type BankIdSimulator } from './simulator/server.server.ts'

// The simulator's HTTP and TLS surface, spoken to with bare node:https so that nothing in between
// (like the npm client's own checks) hides what the server does.

interface Tls {
  pfx?: Buffer
  passphrase?: string
  ca?: string
}
interface Answer {
  status: number
  contentType: string | undefined
  body: unknown
}

let dir: string
let sim: BankIdSimulator
let rp: Tls

function call(path: string, options: { tls: Tls; body?: string; method?: string; contentType?: string }): Promise<Answer> {
  const url = new URL(path, sim.url)
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'POST', headers: { 'Content-Type': options.contentType ?? 'application/json' }, agent: false, ...options.tls },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body: text === '' ? null : JSON.parse(text) })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body ?? '')
  })
}

const post = (method: string, body: unknown) => call(method, { tls: rp, body: JSON.stringify(body) })

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bankid-sim-'))
  const started = performance.now()
  sim = await startBankIdSimulator({ certDir: join(dir, 'certs') })
  console.info(`BankID simulator: first start with certificate generation took ${Math.round(performance.now() - started)} ms`)
  rp = { pfx: await readFile(sim.certs.clientPfxPath), passphrase: sim.certs.passphrase, ca: sim.certs.caPem }
})

afterAll(async () => {
  await sim?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('BankID simulator over HTTPS', () => {
  it('listens on a random port with a /rp/v6.0/ base URL', () => {
    expect(sim.port).toBeGreaterThan(0)
    expect(sim.url).toBe(`https://127.0.0.1:${sim.port}/rp/v6.0/`)
  })

  it('answers /auth with the four tokens as JSON', async () => {
    const answer = await post('auth', { endUserIp: '192.0.2.1' })
    expect(answer.status).toBe(200)
    expect(answer.contentType).toBe('application/json')
    expect(answer.body).toEqual({ orderRef: expect.any(String), autoStartToken: expect.any(String), qrStartToken: expect.any(String), qrStartSecret: expect.any(String) })
  })

  it.each([
    ['auth without endUserIp', 'auth', {}, 'Missing endUserIp'],
    ['sign without userVisibleData', 'sign', { endUserIp: '192.0.2.1' }, 'Missing userVisibleData'],
    ['sign with text instead of base64', 'sign', { endUserIp: '192.0.2.1', userVisibleData: 'Hej då!' }, 'Invalid userVisibleData'],
    ['collect without orderRef', 'collect', {}, 'Missing orderRef'],
    ['collect of an unknown order', 'collect', { orderRef: 'c0ffee00-0000-4000-8000-000000000000' }, 'No such order'],
    ['cancel of an unknown order', 'cancel', { orderRef: 'c0ffee00-0000-4000-8000-000000000000' }, 'No such order'],
  ])('%s → 400 invalidParameters', async (_name, method, body, details) => {
    expect(await post(method, body)).toMatchObject({ status: 400, body: { errorCode: 'invalidParameters', details } })
  })

  it('answers invalidParameters for a body that is not JSON', async () => {
    expect(await call('auth', { tls: rp, body: '{nope' })).toMatchObject({ status: 400, body: { errorCode: 'invalidParameters' } })
  })

  it('answers 404 notFound for an unknown path, 405 for GET and 415 for other media types', async () => {
    expect(await call('phone/auth', { tls: rp, body: '{}' })).toMatchObject({ status: 404, body: { errorCode: 'notFound' } })
    expect(await call('/rp/v5.1/auth', { tls: rp, body: '{}' })).toMatchObject({ status: 404, body: { errorCode: 'notFound' } })
    expect(await call('auth', { tls: rp, method: 'GET' })).toMatchObject({ status: 405, body: { errorCode: 'methodNotAllowed' } })
    expect(await call('auth', { tls: rp, body: 'x', contentType: 'text/plain' })).toMatchObject({ status: 415, body: { errorCode: 'unsupportedMediaType' } })
  })

  it('answers 400 alreadyInProgress for a second order on the same personalNumber', async () => {
    const body = { endUserIp: '192.0.2.1', requirement: { personalNumber: '195603149989' } }
    const first = await post('auth', body)
    expect(first.status).toBe(200)
    expect(await post('auth', body)).toMatchObject({ status: 400, body: { errorCode: 'alreadyInProgress', details: expect.any(String) } })
    const { orderRef } = first.body as { orderRef: string }
    expect(await post('collect', { orderRef })).toMatchObject({ status: 200, body: { status: 'failed', hintCode: 'cancelled' } })
  })

  it('refuses a TLS client without a certificate', async () => {
    const before = sim.control.pendingOrders().length
    await expect(call('auth', { tls: { ca: sim.certs.caPem }, body: '{"endUserIp":"192.0.2.1"}' })).rejects.toThrow(/certificate required/)
    expect(sim.control.pendingOrders()).toHaveLength(before)
  })

  it('refuses a client certificate issued by another CA', async () => {
    const other = await startBankIdSimulator({ certDir: join(dir, 'other') })
    await other.close()
    const strangerPfx = await readFile(other.certs.clientPfxPath)
    expect(other.certs.caPem).not.toBe(sim.certs.caPem)
    const before = sim.control.pendingOrders().length
    // Depending on timing the client sees the "unknown ca" alert or just the closed connection.
    await expect(call('auth', { tls: { pfx: strangerPfx, passphrase: other.certs.passphrase, ca: sim.certs.caPem }, body: '{"endUserIp":"192.0.2.1"}' })).rejects.toThrow(
      /unknown ca|socket hang up|ECONNRESET/i,
    )
    expect(sim.control.pendingOrders()).toHaveLength(before)
  })

  it('reuses its certificates on a later start, so an RP keeps working', async () => {
    const again = await startBankIdSimulator({ certDir: join(dir, 'certs') })
    try {
      expect(again.certs.caPem).toBe(sim.certs.caPem)
      expect(again.certs.passphrase).toBe(sim.certs.passphrase)
      expect(again.port).not.toBe(sim.port)
    } finally {
      await again.close()
    }
  })
})
