import { describe, expect, it } from 'vitest'
import { Sip2ParseError } from './errors.ts'
import { PATRON_STATUS_FLAGS, activeFlags, formatPatronStatus, parsePatronStatus, patronStatusOf } from './patron-status.ts'

describe('patron status', () => {
  it('maps the 14 positions in spec order', () => {
    expect(PATRON_STATUS_FLAGS).toHaveLength(14)
    expect(activeFlags(parsePatronStatus('Y             '))).toEqual(['chargePrivilegesDenied'])
    expect(activeFlags(parsePatronStatus('    Y         '))).toEqual(['cardReportedLost'])
    expect(activeFlags(parsePatronStatus('          Y  Y'))).toEqual(['excessiveOutstandingFines', 'tooManyItemsBilled'])
  })

  it('reads only Y as set, whether the rest is spaces or N', () => {
    expect(activeFlags(parsePatronStatus('NNNNNNNNNNNNNN'))).toEqual([])
    expect(activeFlags(parsePatronStatus('y             '))).toEqual([])
  })

  it('formats with spaces for "not set"', () => {
    expect(formatPatronStatus(['chargePrivilegesDenied', 'renewalPrivilegesDenied', 'recallPrivilegesDenied', 'holdPrivilegesDenied'])).toBe(
      'YYYY          ',
    )
    expect(formatPatronStatus([])).toBe(' '.repeat(14))
  })

  it('round-trips every single flag', () => {
    for (const flag of PATRON_STATUS_FLAGS) expect(activeFlags(patronStatusOf([flag]))).toEqual([flag])
  })

  it('refuses a field of the wrong length', () => {
    expect(() => parsePatronStatus('YYYY')).toThrow(Sip2ParseError)
  })
})
