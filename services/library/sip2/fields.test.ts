import { describe, expect, it } from 'vitest'
import { Sip2EncodeError } from './errors.ts'
import { fixedNumber, formatSip2Date, parseSip2Date, readNumber, readYesNo } from './fields.ts'

describe('SIP2 dates', () => {
  const instant = new Date(Date.UTC(2025, 2, 4, 9, 5, 7))

  it('formats UTC as YYYYMMDD   ZHHMMSS', () => {
    expect(formatSip2Date(instant, 'utc')).toBe('20250304   Z090507')
  })

  it('formats local time with four blanks as the zone', () => {
    const text = formatSip2Date(instant)
    expect(text).toHaveLength(18)
    expect(text.slice(8, 12)).toBe('    ')
    expect(parseSip2Date(text)?.getTime()).toBe(instant.getTime())
  })

  it('parses UTC and refuses what it cannot interpret', () => {
    expect(parseSip2Date('20250304   Z090507')?.toISOString()).toBe('2025-03-04T09:05:07.000Z')
    expect(parseSip2Date('20250304 EST090507')).toBeUndefined()
    expect(parseSip2Date('2025-03-04 09:05')).toBeUndefined()
  })
})

describe('fixed-field helpers', () => {
  it('pads numbers and refuses those that do not fit', () => {
    expect(fixedNumber(7, 4, 'count')).toBe('0007')
    expect(() => fixedNumber(10000, 4, 'count')).toThrow(Sip2EncodeError)
    expect(() => fixedNumber(-1, 4, 'count')).toThrow(Sip2EncodeError)
    expect(() => fixedNumber(1.5, 4, 'count')).toThrow(Sip2EncodeError)
  })

  it('reads blank numbers as unknown', () => {
    expect(readNumber('0012')).toBe(12)
    expect(readNumber(' 40')).toBe(40)
    expect(readNumber('    ')).toBeUndefined()
  })

  it('treats only Y as yes', () => {
    expect(readYesNo('Y')).toBe(true)
    expect(readYesNo('N')).toBe(false)
    expect(readYesNo('y')).toBe(false)
    expect(readYesNo('')).toBe(false)
    expect(readYesNo(undefined)).toBeUndefined()
  })
})
