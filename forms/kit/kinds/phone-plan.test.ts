import fullPlan from 'libphonenumber-js/min/metadata'
import { describe, expect, it } from 'vitest'
import { phoneNumbers } from './phone-numbers.ts'
import { BROWSER_CALLING_CODES, judges, partialPlan } from './phone-plan.ts'

const server = phoneNumbers(fullPlan)
const plan = partialPlan(fullPlan, BROWSER_CALLING_CODES)
const browser = phoneNumbers(plan)

describe("the browser's partial numbering plan (ADR 054)", () => {
  it('holds the Nordic calling codes with every country that shares them, and nothing else', () => {
    expect(Object.keys(plan.country_calling_codes).sort()).toEqual(['354', '358', '45', '46', '47'])
    expect(Object.keys(plan.countries).sort()).toEqual(['AX', 'DK', 'FI', 'IS', 'NO', 'SE', 'SJ'])
    expect(plan.partial).toBe(true)
    // What the browser is spared: the plan it carries is a small part of every country's.
    expect(JSON.stringify(plan).length).toBeLessThan(JSON.stringify(fullPlan).length / 20)
  })

  it.each([
    '070-123 45 67', '08-123 456', '+46 0701234567', '0046701234567', '070-123 45', '070-12', '+46 70 12',
    '+358 40 123 4567', '+358 40 12', '+47 412 34 567', '+47 41', '+45 20 12 34 56', '+354 611 1234', 'abc',
  ])('judges %s as the server does', (input) => {
    expect(browser.toE164(input)).toBe(server.toE164(input))
  })

  it("leaves other countries' numbers to the server, if they have an international number's digits", () => {
    expect(judges(plan, '+49 30 1234567')).toBe(false)
    expect(browser.toE164('+49 30 1234567')).toBe('+49301234567')
    expect(server.toE164('+49 30 1234567')).toBe('+49301234567')
    // The server refuses what the browser let through when that country's plan says it cannot be called.
    expect(browser.toE164('+44 1234567')).toBe('+441234567')
    expect(server.toE164('+44 1234567')).toBeNull()
    expect(browser.toE164('+1 123 456 7890')).toBe('+11234567890')
    expect(server.toE164('+1 123 456 7890')).toBeNull()
    // Too few or too many digits for any country: refused in the browser already.
    expect(browser.toE164('+49 123')).toBeNull()
    expect(browser.toE164('+49 1234 5678 9012 3456')).toBeNull()
  })

  it('a full plan judges every number, even one with a calling code no country has', () => {
    expect(judges(fullPlan, '+999 1234567')).toBe(true)
    expect(server.toE164('+999 1234567')).toBeNull()
  })

  it('formats numbers it cannot judge as they were stored', () => {
    expect(browser.formatPhone('+49301234567')).toBe('+49301234567')
    expect(browser.formatPhone('+46701234567')).toBe(server.formatPhone('+46701234567'))
  })
})
