import { expect, test } from 'vitest'
import { directionOf, intlLocale, isLocale, ltrIn } from './languages.ts'

test('only the portal’s languages are languages, whatever a cookie or address says', () => {
  expect(['sv', 'en', 'fi', 'ar'].every(isLocale)).toBe(true)
  expect(['de', 'toString', '', undefined, 'AR'].some(isLocale)).toBe(false)
})

test('Arabic is right to left with Western digits, and a number put into its sentences stays left to right', () => {
  expect(directionOf('ar')).toBe('rtl')
  expect(directionOf('fi')).toBe('ltr')
  expect(new Intl.NumberFormat(intlLocale('ar')).format(1234)).toMatch(/^1.?234$/)
  expect(ltrIn('ar', '08-578 291 00')).toBe('\u206608-578 291 00\u2069')
  expect(ltrIn('fi', '08-578 291 00')).toBe('08-578 291 00')
  expect(ltrIn('ar', '')).toBe('')
})
