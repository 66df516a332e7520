import { describe, expect, it } from 'vitest'
import { formatDateTime, formatFileSize } from './format.ts'

describe('formatDateTime', () => {
  it('shows Stockholm time, winter and summer', () => {
    expect(formatDateTime(new Date('2026-01-15T23:30:00Z'), 'sv')).toBe('16 januari 2026 kl. 00:30')
    expect(formatDateTime(new Date('2026-07-01T10:15:00Z'), 'en')).toBe('1 July 2026 at 12:15')
  })
})

describe('formatFileSize', () => {
  it.each([
    [0, 'sv', '0 byte'],
    [1, 'en', '1 byte'],
    [1023, 'en', '1,023 bytes'],
    [1024, 'sv', '1 kB'],
    [120 * 1024, 'sv', '120 kB'],
    [Math.round(2.4 * 1024 * 1024), 'sv', '2,4 MB'],
    [Math.round(2.4 * 1024 * 1024), 'en', '2.4 MB'],
    [25 * 1024 * 1024, 'sv', '25 MB'],
    [3 * 1024 ** 3, 'en', '3 GB'],
  ] as const)('%d bytes in %s is %s', (bytes, locale, expected) => {
    expect(formatFileSize(bytes, locale).replace(/\u00A0/g, ' ')).toBe(expected)
  })
})
