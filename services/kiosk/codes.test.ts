import { describe, expect, it } from 'vitest'
import { CODE_ALPHABET, newEnrolmentCode, normaliseEnrolmentCode } from './codes.ts'

describe('enrolment codes', () => {
  it('are two groups of four from an alphabet without look-alikes, and differ each time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newEnrolmentCode()))
    expect(codes.size).toBe(200)
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
      expect(code).not.toMatch(/[IO01]/)
    }
    expect(CODE_ALPHABET).toHaveLength(32)
  })

  it('are read as typed on a touch keyboard: any case, spaces and dashes ignored', () => {
    expect(normaliseEnrolmentCode('abcd-efgh')).toBe('ABCDEFGH')
    expect(normaliseEnrolmentCode(' AB CD EF GH ')).toBe('ABCDEFGH')
    expect(normaliseEnrolmentCode(newEnrolmentCode())).toMatch(/^[A-Z2-9]{8}$/)
  })

  it('refuse what cannot be a code, before any lookup', () => {
    for (const bad of ['', 'ABCDEFG', 'ABCDEFGHJ', 'ABCD-EFG0', 'ABCD-EFGI', 'ÅBCD-EFGH', "ABCD'EFGH"]) expect(normaliseEnrolmentCode(bad)).toBeUndefined()
  })
})
