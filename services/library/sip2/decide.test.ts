import { describe, expect, it } from 'vitest'
import { decidePatron } from './decide.ts'
import type { PatronResponse } from './patron-messages.ts'
import { patronStatusOf, type PatronStatusFlag } from './patron-status.ts'

function response(overrides: Partial<PatronResponse> & { flags?: PatronStatusFlag[] } = {}): PatronResponse {
  const { flags = [], ...rest } = overrides
  return {
    patronStatus: patronStatusOf(flags),
    language: '000',
    transactionDate: '20250314    101500',
    institutionId: 'BIB',
    patronId: '20000000000001',
    personalName: 'Åström, Märta',
    validPatron: true,
    validPatronPassword: true,
    screenMessages: [],
    printLines: [],
    ...rest,
  }
}

describe('decidePatron', () => {
  it('accepts a valid card with the right PIN and no blocking status', () => {
    expect(decidePatron(response(), '20000000000001')).toEqual({ ok: true, patron: { id: '20000000000001', name: 'Märta Åström' } })
  })

  it('uses the card number typed when the server does not echo AA', () => {
    expect(decidePatron(response({ patronId: '' }), '123')).toMatchObject({ ok: true, patron: { id: '123' } })
  })

  it('treats BL=N and a missing BL as an unknown card', () => {
    expect(decidePatron(response({ validPatron: false }), 'x')).toEqual({ ok: false, reason: 'unknown-card' })
    const { validPatron: _, ...noBl } = response()
    expect(decidePatron(noBl, 'x')).toEqual({ ok: false, reason: 'unknown-card' })
  })

  it('treats CQ=N and a missing CQ as a wrong PIN', () => {
    expect(decidePatron(response({ validPatronPassword: false }), 'x')).toEqual({ ok: false, reason: 'wrong-pin' })
    const { validPatronPassword: _, ...noCq } = response()
    expect(decidePatron(noCq, 'x')).toEqual({ ok: false, reason: 'wrong-pin' })
  })

  it('does not reveal a block to someone without the PIN', () => {
    expect(decidePatron(response({ validPatronPassword: false, flags: ['cardReportedLost'] }), 'x')).toEqual({ ok: false, reason: 'wrong-pin' })
  })

  it('blocks on charge privileges denied (debarred, expired) and on a lost card', () => {
    expect(decidePatron(response({ flags: ['chargePrivilegesDenied', 'holdPrivilegesDenied'] }), 'x')).toEqual({ ok: false, reason: 'blocked' })
    expect(decidePatron(response({ flags: ['cardReportedLost'] }), 'x')).toEqual({ ok: false, reason: 'blocked' })
  })

  it('lets fines through by default but blocks on them when the site says so', () => {
    const fines = response({ flags: ['excessiveOutstandingFines'] })
    expect(decidePatron(fines, 'x').ok).toBe(true)
    expect(decidePatron(fines, 'x', ['excessiveOutstandingFines'])).toEqual({ ok: false, reason: 'blocked' })
  })
})
