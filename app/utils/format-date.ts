import type { Locale } from '../../forms/kit/index.ts'

/** A moment as citizens read it, always in the municipality's time zone so server and browser agree. */
export function formatWhen(iso: string, locale: Locale, withTime = true): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'Europe/Stockholm',
  }).format(new Date(iso))
}
