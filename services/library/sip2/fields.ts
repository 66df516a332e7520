import { Sip2EncodeError, Sip2ParseError } from './errors.ts'
import type { Sip2Field, Sip2Message } from './frame.ts'

export type Sip2TimeZone = 'local' | 'utc'

const pad = (value: number, length: number) => String(value).padStart(length, '0')

/**
 * YYYYMMDDZZZZHHMMSS. ZZZZ is four spaces for local time (what Koha and most clients send) or `   Z` for UTC.
 */
export function formatSip2Date(date: Date, zone: Sip2TimeZone = 'local'): string {
  const utc = zone === 'utc'
  const y = utc ? date.getUTCFullYear() : date.getFullYear()
  const mo = (utc ? date.getUTCMonth() : date.getMonth()) + 1
  const d = utc ? date.getUTCDate() : date.getDate()
  const h = utc ? date.getUTCHours() : date.getHours()
  const mi = utc ? date.getUTCMinutes() : date.getMinutes()
  const s = utc ? date.getUTCSeconds() : date.getSeconds()
  return `${pad(y, 4)}${pad(mo, 2)}${pad(d, 2)}${utc ? '   Z' : '    '}${pad(h, 2)}${pad(mi, 2)}${pad(s, 2)}`
}

/** A blank zone is read as this process's local time; zones other than blank and `Z` are not understood. */
export function parseSip2Date(text: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(.{4})(\d{2})(\d{2})(\d{2})$/.exec(text)
  if (!match) return undefined
  const [y, mo, d, h, mi, s] = [1, 2, 3, 5, 6, 7].map((group) => Number(match[group])) as [number, number, number, number, number, number]
  const zone = match[4]
  if (zone === '    ') return new Date(y, mo - 1, d, h, mi, s)
  if (zone === '   Z') return new Date(Date.UTC(y, mo - 1, d, h, mi, s))
  return undefined
}

/** Checks a fixed-length field so that a wrong length cannot shift every field after it. */
export function fixedField(value: string, length: number, name: string): string {
  if (value.length !== length) throw new Sip2EncodeError(`${name} must be ${length} characters, got ${value.length}`)
  return value
}

export function fixedNumber(value: number, length: number, name: string): string {
  if (!Number.isInteger(value) || value < 0 || value >= 10 ** length) {
    throw new Sip2EncodeError(`${name} must be an integer 0–${10 ** length - 1}`)
  }
  return pad(value, length)
}

export function yesNo(value: boolean): 'Y' | 'N' {
  return value ? 'Y' : 'N'
}

/** Only an explicit `Y` counts as yes, so that a missing or odd value never grants anything. */
export function readYesNo(value: string | undefined): boolean | undefined {
  return value === undefined ? undefined : value === 'Y'
}

/**
 * Numeric fixed fields. Some servers pad with spaces instead of zeros (the spec's own 99 example has " 40"); an
 * all-blank field is "unknown", not zero.
 */
export function readNumber(value: string): number | undefined {
  return /^ *\d+ *$/.test(value) ? Number(value.trim()) : undefined
}

export function requireFixed(fixed: string, start: number, length: number, code: string): string {
  const value = fixed.slice(start, start + length)
  if (value.length !== length) throw new Sip2ParseError('malformed', `Short fixed part in message ${code}`)
  return value
}

export function expectCode(message: Sip2Message, code: string): void {
  if (message.code !== code) throw new Sip2ParseError('malformed', `Expected message ${code}, got ${message.code}`)
}

/** Optional fields are left out entirely rather than sent empty, which some servers read as "present". */
export function optionalField(tag: string, value: string | undefined): Sip2Field[] {
  return value === undefined ? [] : [{ tag, value }]
}

/** The reading side of optionalField: `{ [key]: value }` when the field came, `{}` when not, to spread into a message. */
export function present<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V })
}
