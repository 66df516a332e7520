import { describe, expect, it } from 'vitest'
import { USER_NON_VISIBLE_DATA_MAX, USER_VISIBLE_DATA_MAX, validateOrderRef, validateOrderRequest } from './validate.ts'

const b64 = (text: string) => Buffer.from(text).toString('base64')
/** Valid base64 of exactly `length` characters (length divisible by 4). */
const b64OfLength = (length: number) => 'QUJD'.repeat(length / 4)

describe('validateOrderRequest', () => {
  it('accepts a minimal auth and keeps only known fields', () => {
    expect(validateOrderRequest('auth', { endUserIp: '192.0.2.1', extra: 1 })).toEqual({
      ok: true,
      value: { endUserIp: '192.0.2.1', requirement: {} },
    })
  })

  it('accepts a full sign request', () => {
    const body = {
      endUserIp: '2001:db8::1',
      userVisibleData: b64('# Ansökan\n\nTrygghetslarm'),
      userVisibleDataFormat: 'simpleMarkdownV1',
      userNonVisibleData: b64('hash'),
      returnUrl: 'https://example.se/bankid',
      returnRisk: true,
      requirement: { pinCode: true, mrtd: false, cardReader: 'class2', certificatePolicies: ['1.2.752.78.1.5'], personalNumber: '195603149989' },
    }
    const result = validateOrderRequest('sign', body)
    expect(result).toEqual({ ok: true, value: { ...body, requirement: body.requirement } })
  })

  it.each([
    ['missing endUserIp', 'auth', {}, 'Missing endUserIp'],
    ['empty endUserIp', 'auth', { endUserIp: '' }, 'Missing endUserIp'],
    ['bad endUserIp', 'auth', { endUserIp: 'localhost' }, 'Invalid endUserIp'],
    ['sign without userVisibleData', 'sign', { endUserIp: '192.0.2.1' }, 'Missing userVisibleData'],
    ['userVisibleData not base64', 'sign', { endUserIp: '192.0.2.1', userVisibleData: 'not base64!' }, 'Invalid userVisibleData'],
    ['userVisibleData empty', 'sign', { endUserIp: '192.0.2.1', userVisibleData: '' }, 'Invalid userVisibleData'],
    ['userVisibleData not a string', 'auth', { endUserIp: '192.0.2.1', userVisibleData: 42 }, 'Invalid userVisibleData'],
    ['userVisibleData too long', 'sign', { endUserIp: '192.0.2.1', userVisibleData: b64OfLength(USER_VISIBLE_DATA_MAX + 4) }, 'userVisibleData too long'],
    ['userNonVisibleData too long', 'auth', { endUserIp: '192.0.2.1', userNonVisibleData: b64OfLength(USER_NON_VISIBLE_DATA_MAX + 4) }, 'userNonVisibleData too long'],
    ['userNonVisibleData not base64', 'auth', { endUserIp: '192.0.2.1', userNonVisibleData: 'å' }, 'Invalid userNonVisibleData'],
    ['other userVisibleDataFormat', 'sign', { endUserIp: '192.0.2.1', userVisibleData: b64('x'), userVisibleDataFormat: 'plaintext' }, 'Invalid userVisibleDataFormat'],
    ['format without data', 'auth', { endUserIp: '192.0.2.1', userVisibleDataFormat: 'simpleMarkdownV1' }, 'userVisibleDataFormat without userVisibleData'],
    ['personalNumber with 10 digits', 'auth', { endUserIp: '192.0.2.1', requirement: { personalNumber: '5603149989' } }, 'Incorrect personalNumber'],
    ['personalNumber with a dash', 'auth', { endUserIp: '192.0.2.1', requirement: { personalNumber: '19560314-9989' } }, 'Incorrect personalNumber'],
    ['personalNumber with a bad check digit', 'auth', { endUserIp: '192.0.2.1', requirement: { personalNumber: '195603149988' } }, 'Incorrect personalNumber'],
    ['requirement not an object', 'auth', { endUserIp: '192.0.2.1', requirement: 'x' }, 'Invalid requirement'],
    ['pinCode not boolean', 'auth', { endUserIp: '192.0.2.1', requirement: { pinCode: 'yes' } }, 'Invalid requirement.pinCode'],
    ['bad cardReader', 'auth', { endUserIp: '192.0.2.1', requirement: { cardReader: 'class3' } }, 'Invalid requirement.cardReader'],
    ['bad returnUrl', 'auth', { endUserIp: '192.0.2.1', returnUrl: 'not a url' }, 'Invalid returnUrl'],
    ['body not an object', 'auth', [], 'Invalid request body'],
  ] as const)('%s → invalid', (_name, kind, body, details) => {
    expect(validateOrderRequest(kind, body)).toEqual({ ok: false, details })
  })

  it('accepts data exactly at the length limits', () => {
    const result = validateOrderRequest('sign', {
      endUserIp: '192.0.2.1',
      userVisibleData: b64OfLength(USER_VISIBLE_DATA_MAX),
      userNonVisibleData: b64OfLength(USER_NON_VISIBLE_DATA_MAX),
    })
    expect(result.ok).toBe(true)
  })
})

describe('validateOrderRef', () => {
  it('needs a non-empty orderRef string', () => {
    expect(validateOrderRef({ orderRef: 'abc' })).toEqual({ ok: true, value: 'abc' })
    expect(validateOrderRef({})).toEqual({ ok: false, details: 'Missing orderRef' })
    expect(validateOrderRef({ orderRef: 5 })).toEqual({ ok: false, details: 'Missing orderRef' })
  })
})
