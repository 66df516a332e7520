import { describe, expect, it } from 'vitest'
import { EXPIRE_AFTER_MS, OrderBook } from './orders.ts'
import type { OrderRequest } from './validate.ts'

function setup(autoApprove: string | null = null) {
  let now = 1_700_000_000_000
  const book = new OrderBook({ now: () => now, autoApprove })
  return { book, advance: (ms: number) => (now += ms) }
}

const auth = (personalNumber?: string): OrderRequest => ({
  endUserIp: '192.0.2.10',
  requirement: personalNumber === undefined ? {} : { personalNumber },
})

function started(book: OrderBook, request: OrderRequest = auth()): string {
  const result = book.start('auth', request)
  if (!result.ok) throw new Error('start failed')
  return result.response.orderRef
}

describe('OrderBook', () => {
  it('starts orders with four distinct tokens', () => {
    const { book } = setup()
    const result = book.start('auth', auth())
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const { orderRef, autoStartToken, qrStartToken, qrStartSecret } = result.response
    expect(new Set([orderRef, autoStartToken, qrStartToken, qrStartSecret]).size).toBe(4)
  })

  it('stays pending with outstandingTransaction until the user acts', () => {
    const { book } = setup()
    const ref = started(book)
    expect(book.collect(ref)).toEqual({ ok: true, response: { orderRef: ref, status: 'pending', hintCode: 'outstandingTransaction' } })
    expect(book.collect(ref)).toMatchObject({ response: { status: 'pending', hintCode: 'outstandingTransaction' } })
  })

  it('completes after an explicit approval, once, with the person and the end user IP', () => {
    const { book } = setup()
    const ref = started(book)
    book.approve(ref, '560314-9989')
    const result = book.collect(ref)
    expect(result).toMatchObject({
      ok: true,
      response: {
        status: 'complete',
        completionData: {
          user: { personalNumber: '195603149989', givenName: 'Margareta', surname: 'Testsson', name: 'Margareta Testsson' },
          device: { ipAddress: '192.0.2.10' },
          stepUp: { mrtd: false },
        },
      },
    })
    // A finished order cannot be collected twice.
    expect(book.collect(ref)).toEqual({ ok: false, errorCode: 'invalidParameters', details: 'No such order' })
  })

  it('auto-approves over three collects: started → userSign → complete', () => {
    const { book } = setup('19860612-9933')
    const ref = started(book)
    const seen = [1, 2, 3].map(() => {
      const r = book.collect(ref)
      return r.ok ? ('hintCode' in r.response ? r.response.hintCode : r.response.status) : r.errorCode
    })
    expect(seen).toEqual(['started', 'userSign', 'complete'])
  })

  it('auto-approves as the required person when the order names one', () => {
    const { book } = setup('198606129933')
    const ref = started(book, auth('195603149989'))
    book.collect(ref)
    book.collect(ref)
    expect(book.collect(ref)).toMatchObject({ response: { completionData: { user: { personalNumber: '195603149989' } } } })
  })

  it('can switch auto-approval off again', () => {
    const { book } = setup('198606129933')
    book.setAutoApprove(null)
    const ref = started(book)
    book.collect(ref)
    book.collect(ref)
    expect(book.collect(ref)).toMatchObject({ response: { status: 'pending', hintCode: 'outstandingTransaction' } })
  })

  it('reports userCancel and the failure codes set by the control API', () => {
    const { book } = setup()
    const a = started(book)
    const b = started(book)
    book.userCancel(a)
    book.fail(b, 'certificateErr')
    expect(book.collect(a)).toMatchObject({ response: { status: 'failed', hintCode: 'userCancel' } })
    expect(book.collect(b)).toMatchObject({ response: { status: 'failed', hintCode: 'certificateErr' } })
  })

  it('shows a pending hint chosen by the control API', () => {
    const { book } = setup()
    const ref = started(book)
    book.setHint(ref, 'userMrtd')
    expect(book.collect(ref)).toMatchObject({ response: { status: 'pending', hintCode: 'userMrtd' } })
  })

  it('refuses control actions on orders that are not pending', () => {
    const { book } = setup()
    const ref = started(book)
    book.userCancel(ref)
    expect(() => book.approve(ref, '198606129933')).toThrow(/No pending order/)
    expect(() => book.fail('nope', 'startFailed')).toThrow(/No pending order/)
  })

  it('gives alreadyInProgress for a second order on the same personalNumber and cancels the first', () => {
    const { book } = setup()
    const first = started(book, auth('195603149989'))
    expect(book.start('sign', { ...auth('195603149989'), userVisibleData: 'SGVq' })).toEqual({
      ok: false,
      errorCode: 'alreadyInProgress',
      details: expect.any(String),
    })
    expect(book.collect(first)).toMatchObject({ response: { status: 'failed', hintCode: 'cancelled' } })
    expect(book.pending()).toEqual([])
    // With nothing pending any more, the user can start again.
    expect(book.start('auth', auth('195603149989')).ok).toBe(true)
  })

  it('does not see a conflict between different people or orders without a personalNumber', () => {
    const { book } = setup()
    started(book, auth('195603149989'))
    expect(book.start('auth', auth('198606129933')).ok).toBe(true)
    expect(book.start('auth', auth()).ok).toBe(true)
    expect(book.start('auth', auth()).ok).toBe(true)
  })

  it('expires an unfinished order after 3 minutes', () => {
    const { book, advance } = setup()
    const ref = started(book)
    advance(EXPIRE_AFTER_MS - 1)
    expect(book.collect(ref)).toMatchObject({ response: { status: 'pending' } })
    advance(1)
    expect(book.collect(ref)).toMatchObject({ response: { status: 'failed', hintCode: 'expiredTransaction' } })
  })

  it('frees the personalNumber once its order has expired', () => {
    const { book, advance } = setup()
    started(book, auth('195603149989'))
    advance(EXPIRE_AFTER_MS)
    expect(book.start('auth', auth('195603149989')).ok).toBe(true)
  })

  it('forgets a completed order that nobody collects after 3 minutes, a failed one after 5', () => {
    const { book, advance } = setup()
    const done = started(book)
    const failed = started(book)
    book.approve(done, '198606129933')
    book.userCancel(failed)
    advance(3 * 60_000 + 1)
    expect(book.collect(done)).toMatchObject({ ok: false, errorCode: 'invalidParameters' })
    expect(book.collect(failed)).toMatchObject({ ok: true, response: { status: 'failed' } })

    const failedLater = started(book)
    book.userCancel(failedLater)
    advance(5 * 60_000 + 1)
    expect(book.collect(failedLater)).toMatchObject({ ok: false, errorCode: 'invalidParameters' })
  })

  it('cancels: the orderRef is unknown afterwards, as is an unknown orderRef', () => {
    const { book } = setup()
    const ref = started(book)
    expect(book.cancel(ref)).toEqual({ ok: true, response: {} })
    expect(book.collect(ref)).toMatchObject({ ok: false, errorCode: 'invalidParameters', details: 'No such order' })
    expect(book.cancel(ref)).toMatchObject({ ok: false, errorCode: 'invalidParameters' })
  })

  it('lists pending orders with the text the user would see', () => {
    const { book } = setup()
    const ref = book.start('sign', { ...auth('195603149989'), userVisibleData: Buffer.from('Ansökan om trygghetslarm').toString('base64') })
    const other = started(book)
    book.userCancel(other)
    expect(book.pending()).toEqual([
      expect.objectContaining({
        orderRef: ref.ok ? ref.response.orderRef : '',
        kind: 'sign',
        personalNumber: '195603149989',
        userVisibleText: 'Ansökan om trygghetslarm',
        hintCode: 'outstandingTransaction',
      }),
    ])
  })

  it('puts the signed data into the signature document', () => {
    const { book } = setup()
    const visible = Buffer.from('Jag skriver under').toString('base64')
    const nonVisible = Buffer.from('sha256:abc').toString('base64')
    const result = book.start('sign', { ...auth(), userVisibleData: visible, userNonVisibleData: nonVisible })
    if (!result.ok) throw new Error('start failed')
    book.approve(result.response.orderRef, '198606129933')
    const collected = book.collect(result.response.orderRef)
    if (!collected.ok || collected.response.status !== 'complete') throw new Error('not complete')
    const xml = Buffer.from(collected.response.completionData.signature, 'base64').toString('utf8')
    expect(xml).toContain(`<usrVisibleData charset="UTF-8" visible="wysiwys">${visible}</usrVisibleData>`)
    expect(xml).toContain(`<usrNonVisibleData>${nonVisible}</usrNonVisibleData>`)
    expect(xml).toContain('<funcId>Signing</funcId>')
    expect(Buffer.from(collected.response.completionData.ocspResponse, 'base64').length).toBeGreaterThan(100)
    expect(collected.response.completionData.bankIdIssueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})

describe('OrderBook per-order automatic approval', () => {
  const collectUntilDone = (book: OrderBook, ref: string) => {
    for (let i = 0; i < 5; i++) {
      const r = book.collect(ref)
      if (r.ok && r.response.status !== 'pending') return r.response
    }
    return book.collect(ref).ok ? 'still pending' : 'gone'
  }

  it('approves one order as its own person while others follow the configured one', () => {
    const { book } = setup('198606129933')
    const mine = started(book)
    const theirs = started(book)
    book.setOrderAutoApprove(mine, '19560314-9989')
    expect(collectUntilDone(book, mine)).toMatchObject({ status: 'complete', completionData: { user: { personalNumber: '195603149989' } } })
    expect(collectUntilDone(book, theirs)).toMatchObject({ status: 'complete', completionData: { user: { personalNumber: '198606129933' } } })
  })

  it('leaves a manual order pending however often it is collected, until the control page acts', () => {
    const { book } = setup('198606129933')
    const ref = started(book)
    book.setOrderAutoApprove(ref, 'manual')
    expect(collectUntilDone(book, ref)).toBe('still pending')
    book.userCancel(ref)
    expect(book.collect(ref)).toMatchObject({ ok: true, response: { status: 'failed', hintCode: 'userCancel' } })
  })

  it('auto-approves a chosen person even when nobody is configured', () => {
    const { book } = setup(null)
    const ref = started(book)
    book.setOrderAutoApprove(ref, '191212121212')
    expect(collectUntilDone(book, ref)).toMatchObject({ status: 'complete', completionData: { user: { name: 'Tolvan Tolvansson' } } })
  })

  it('refuses a choice for an order that is not pending', () => {
    const { book } = setup()
    expect(() => book.setOrderAutoApprove('no-such-order', 'manual')).toThrow(/No pending order/)
  })
})
