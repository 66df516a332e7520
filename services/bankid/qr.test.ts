import { describe, expect, it } from 'vitest'
import { qrCode, qrSeconds } from './qr.server.ts'

// The published vector (stack-notes.md, BankID).
const token = '67df3917-fa0d-44e5-b327-edcc928297f8'
const secret = 'd28db9a7-4cde-429e-a983-359be676944c'

describe('qrCode', () => {
  it('matches the published vector at t=0', () => {
    expect(qrCode(token, secret, 0)).toBe(
      `bankid.${token}.0.dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8`,
    )
  })

  it('matches the published vector at t=1', () => {
    expect(qrCode(token, secret, 1)).toBe(
      `bankid.${token}.1.949d559bf23403952a94d103e67743126381eda00f0b3cbddbf7c96b1adcbce2`,
    )
  })

  it('changes with the secret', () => {
    expect(qrCode(token, 'another-secret', 0)).not.toBe(qrCode(token, secret, 0))
  })

  it('rejects negative or fractional seconds', () => {
    expect(() => qrCode(token, secret, -1)).toThrow(RangeError)
    expect(() => qrCode(token, secret, 1.5)).toThrow(RangeError)
  })
})

describe('qrSeconds', () => {
  it('counts whole seconds since the start and never goes below 0', () => {
    expect(qrSeconds(10_000, 10_999)).toBe(0)
    expect(qrSeconds(10_000, 12_000)).toBe(2)
    expect(qrSeconds(10_000, 9_000)).toBe(0)
  })
})
