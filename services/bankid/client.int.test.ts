import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BankIdError, BankIdUnavailableError, createBankIdClient, type BankIdClient } from './client.server.ts'
import { startBankIdSimulator, type BankIdSimulator } from './simulator/server.server.ts'
import type { CollectResponse } from './types.ts'

// The real npm `bankid` client (through our wrapper) against the simulator, over mutual TLS.

let dir: string
let sim: BankIdSimulator
let bankid: BankIdClient
let now = Date.UTC(2026, 10, 22, 9, 0, 0)

const endUserIp = '192.0.2.44'

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bankid-client-'))
  sim = await startBankIdSimulator({ certDir: join(dir, 'certs'), now: () => now })
  bankid = createBankIdClient({ url: sim.url, pfx: sim.certs.clientPfxPath, passphrase: sim.certs.passphrase, ca: sim.certs.caPem })
})

afterAll(async () => {
  await sim?.close()
  await rm(dir, { recursive: true, force: true })
})

afterEach(() => {
  sim.control.setAutoApprove(null)
  sim.control.setOutage(null)
})

async function rejection(promise: Promise<unknown>): Promise<BankIdError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof BankIdError)) throw new Error(`expected a BankIdError, got ${String(error)}`)
  return error
}

function assertComplete(result: CollectResponse): asserts result is Extract<CollectResponse, { status: 'complete' }> {
  expect(result.status).toBe('complete')
}

describe('BankID client against the simulator', () => {
  it('authenticates: pending until approved, then complete with the user and device', async () => {
    const started = await bankid.auth({ endUserIp })
    expect(started).toEqual({
      orderRef: expect.any(String),
      autoStartToken: expect.any(String),
      qrStartToken: expect.any(String),
      qrStartSecret: expect.any(String),
    })
    expect(await bankid.collect(started.orderRef)).toEqual({ orderRef: started.orderRef, status: 'pending', hintCode: 'outstandingTransaction' })
    expect(sim.control.pendingOrders().map((o) => o.orderRef)).toContain(started.orderRef)

    sim.control.approve(started.orderRef, '19860612-9933')
    const result = await bankid.collect(started.orderRef)
    assertComplete(result)
    expect(result.completionData.user).toEqual({ personalNumber: '198606129933', name: 'Johan Testsson', givenName: 'Johan', surname: 'Testsson' })
    expect(result.completionData.device.ipAddress).toBe(endUserIp)
    expect(sim.control.pendingOrders().map((o) => o.orderRef)).not.toContain(started.orderRef)
  })

  it('auto-approves after a few collects', async () => {
    sim.control.setAutoApprove('560314-9989')
    const { orderRef } = await bankid.auth({ endUserIp })
    const hints = [(await bankid.collect(orderRef)).status, (await bankid.collect(orderRef)).status]
    expect(hints).toEqual(['pending', 'pending'])
    const result = await bankid.collect(orderRef)
    assertComplete(result)
    expect(result.completionData.user.personalNumber).toBe('195603149989')
  })

  it('signs: userVisibleData and userNonVisibleData end up in the signature, all completionData fields present', async () => {
    const text = '# Ansökan om trygghetslarm\n\nSökande: Margareta Testsson, 70 år'
    const { orderRef } = await bankid.sign({
      endUserIp,
      userVisibleData: text,
      userVisibleDataFormat: 'simpleMarkdownV1',
      userNonVisibleData: 'sha256:0f1e2d',
      requirement: { personalNumber: '195603149989' },
    })
    const pending = sim.control.pendingOrders().find((o) => o.orderRef === orderRef)
    expect(pending).toMatchObject({ kind: 'sign', userVisibleText: text, personalNumber: '195603149989' })

    sim.control.approve(orderRef, '195603149989')
    const result = await bankid.collect(orderRef)
    assertComplete(result)
    const data = result.completionData
    expect(data.user.personalNumber).toBe('195603149989')
    expect(data.device).toEqual({ ipAddress: endUserIp, uhi: expect.stringMatching(/^[A-Za-z0-9]{20,}$/) })
    expect(data.bankIdIssueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(data.stepUp).toEqual({ mrtd: false })
    expect(Buffer.from(data.ocspResponse, 'base64').length).toBeGreaterThan(100)
    const xml = Buffer.from(data.signature, 'base64').toString('utf8')
    expect(xml).toContain(Buffer.from(text).toString('base64'))
    expect(xml).toContain(Buffer.from('sha256:0f1e2d').toString('base64'))
  })

  it('cancels: the orderRef is unknown afterwards', async () => {
    const { orderRef } = await bankid.auth({ endUserIp })
    await bankid.cancel(orderRef)
    const error = await rejection(bankid.collect(orderRef))
    expect(error).toMatchObject({ errorCode: 'invalidParameters', httpStatus: 400, details: 'No such order' })
    expect(error).not.toBeInstanceOf(BankIdUnavailableError)
  })

  it('reports userCancel from the app', async () => {
    const { orderRef } = await bankid.auth({ endUserIp })
    sim.control.userCancel(orderRef)
    expect(await bankid.collect(orderRef)).toEqual({ orderRef, status: 'failed', hintCode: 'userCancel' })
  })

  it('gives alreadyInProgress for a second order on the same personnummer and cancels the first', async () => {
    const first = await bankid.auth({ endUserIp, requirement: { personalNumber: '198606129933' } })
    const error = await rejection(bankid.sign({ endUserIp, userVisibleData: 'Hej', requirement: { personalNumber: '198606129933' } }))
    expect(error).toMatchObject({ errorCode: 'alreadyInProgress', httpStatus: 400 })
    expect(await bankid.collect(first.orderRef)).toEqual({ orderRef: first.orderRef, status: 'failed', hintCode: 'cancelled' })
  })

  it('expires an order after 3 minutes (injected clock)', async () => {
    const { orderRef } = await bankid.auth({ endUserIp })
    now += 2 * 60_000
    expect(await bankid.collect(orderRef)).toMatchObject({ status: 'pending' })
    now += 60_000
    expect(await bankid.collect(orderRef)).toEqual({ orderRef, status: 'failed', hintCode: 'expiredTransaction' })
  })

  it('passes on the server’s invalidParameters', async () => {
    expect(await rejection(bankid.auth({ endUserIp: 'not-an-ip' }))).toMatchObject({ errorCode: 'invalidParameters', httpStatus: 400 })
    expect(await rejection(bankid.auth({ endUserIp, requirement: { personalNumber: '5603149989' } }))).toMatchObject({
      errorCode: 'invalidParameters',
      httpStatus: 400,
      details: 'Incorrect personalNumber',
    })
  })

  it('refuses a missing endUserIp or sign without userVisibleData before sending', async () => {
    expect(await rejection(bankid.auth({ endUserIp: '' }))).toMatchObject({ errorCode: 'invalidParameters', httpStatus: null })
    expect(await rejection(bankid.sign({ endUserIp, userVisibleData: '' }))).toMatchObject({ errorCode: 'invalidParameters', httpStatus: null })
  })

  it('answers invalidParameters for an unknown orderRef', async () => {
    const error = await rejection(bankid.collect('4ff0e9a5-6b6c-4a8e-9d1c-000000000000'))
    expect(error).toMatchObject({ errorCode: 'invalidParameters', httpStatus: 400, details: 'No such order' })
  })

  it('turns 5xx answers into BankIdUnavailableError', async () => {
    sim.control.setOutage('maintenance')
    const error = await rejection(bankid.auth({ endUserIp }))
    expect(error).toBeInstanceOf(BankIdUnavailableError)
    expect(error).toMatchObject({ errorCode: 'maintenance', httpStatus: 503 })
    sim.control.setOutage('internalError')
    expect(await rejection(bankid.collect('x'))).toMatchObject({ name: 'BankIdUnavailableError', errorCode: 'internalError', httpStatus: 500 })
  })

  it('turns an unreachable server into BankIdUnavailableError', async () => {
    const other = await startBankIdSimulator({ certDir: join(dir, 'certs') })
    const url = other.url
    await other.close()
    const offline = createBankIdClient({ url, pfx: sim.certs.clientPfxPath, passphrase: sim.certs.passphrase, ca: sim.certs.caPem, timeoutMs: 2_000 })
    const error = await rejection(offline.auth({ endUserIp }))
    expect(error).toBeInstanceOf(BankIdUnavailableError)
    expect(error).toMatchObject({ errorCode: 'unreachable', httpStatus: null })
  })

  it('cannot talk to the simulator with an RP certificate from another CA', async () => {
    const strangerDir = join(dir, 'stranger')
    const stranger = await startBankIdSimulator({ certDir: strangerDir })
    await stranger.close()
    const client = createBankIdClient({ url: sim.url, pfx: stranger.certs.clientPfxPath, passphrase: stranger.certs.passphrase, ca: sim.certs.caPem })
    expect(await rejection(client.auth({ endUserIp }))).toMatchObject({ name: 'BankIdUnavailableError', errorCode: 'unreachable' })
  })
})
