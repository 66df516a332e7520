import { fill } from '#forms/kit/text.ts'
import type { Locale } from '#forms/kit/types.ts'
import { intlLocale } from '#forms/kit/languages.ts'
import { dateTimeFormat } from '#forms/kit/intl.ts'

/** A moment as citizens read it, always in the municipality's time zone so server and browser agree. */
export function formatWhen(iso: string, locale: Locale, withTime = true): string {
  return dateTimeFormat(intlLocale(locale), {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'Europe/Stockholm',
  }).format(new Date(iso))
}

/** The time of day of `retryAt` ("14:32"), the `{time}` of a refusal: when a refused login may try again. */
export const retryTime = (locale: Locale, retryAt: string | undefined): string =>
  retryAt ? dateTimeFormat(intlLocale(locale), { timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(retryAt)) : ''

/** `text` with its `{time}` as the time of day of `retryAt`. */
export const withRetryTime = (text: string, locale: Locale, retryAt: string | undefined): string => fill(text, { time: retryTime(locale, retryAt) })
