import type { MetadataJson } from 'libphonenumber-js/core'

/**
 * The calling codes whose numbering plans the browser carries (ADR 054): Sweden's and the other Nordic
 * countries'. Every country's plan is 19 kB of gzipped JavaScript on each page that asks for a telephone number;
 * these five are under 1 kB. The server always has every country's plan and judges every number.
 */
export const BROWSER_CALLING_CODES: readonly string[] = ['46', '45', '47', '354', '358']

/** A numbering plan as libphonenumber reads it; `partial` when it holds only some calling codes. */
export type PhonePlan = MetadataJson & { partial?: true }

/** The plans of the given calling codes only (every country that shares one of them), marked as partial. */
export function partialPlan(full: MetadataJson, codes: readonly string[]): PhonePlan {
  const countries = codes.flatMap((code) => full.country_calling_codes[code] ?? [])
  return {
    version: full.version,
    country_calling_codes: Object.fromEntries(codes.map((code) => [code, full.country_calling_codes[code] ?? []])),
    countries: Object.fromEntries(countries.map((country) => [country, full.countries[country]])),
    nonGeographic: {},
    partial: true,
  }
}

/**
 * Whether the plan can judge a number: always for a full plan, and for a partial one when the number is written
 * nationally (Swedish) or its calling code is in the plan. Calling codes are one to three digits, and none is
 * the start of another.
 */
export function judges(plan: PhonePlan, number: string): boolean {
  if (!plan.partial || !number.startsWith('+')) return true
  const digits = number.slice(1).replace(/\D/g, '')
  return [1, 2, 3].some((n) => digits.length > n && digits.slice(0, n) in plan.country_calling_codes)
}
