import { dateTimeFormat, numberFormat } from '#forms/kit/intl.ts'
export type PdfLocale = 'sv' | 'en'

/** BCP 47 tag for Intl and for the PDF's /Lang entry (what screen readers and search use). */
export function languageTag(locale: PdfLocale): 'sv-SE' | 'en-GB' {
  return locale === 'sv' ? 'sv-SE' : 'en-GB'
}

// Municipal case times are Swedish local time regardless of where the server runs.
export function formatDateTime(date: Date, locale: PdfLocale): string {
  return dateTimeFormat(languageTag(locale), {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(date)
}

/** A letter's date, e.g. "6 december 2026", in Swedish local time. */
export function formatDate(date: Date, locale: PdfLocale): string {
  return dateTimeFormat(languageTag(locale), { timeZone: 'Europe/Stockholm', dateStyle: 'long' }).format(date)
}

const UNITS = ['kB', 'MB', 'GB'] as const

/**
 * Binary multiples (1 MB = 1024 × 1024 bytes) as file managers show them. The no-break space keeps
 * number and unit on one line.
 */
export function formatFileSize(bytes: number, locale: PdfLocale): string {
  const tag = languageTag(locale)
  if (bytes < 1024) {
    const unit = locale === 'sv' ? 'byte' : bytes === 1 ? 'byte' : 'bytes'
    return `${numberFormat(tag, {}).format(bytes)}\u00A0${unit}`
  }
  let value = bytes / 1024
  let unit: (typeof UNITS)[number] = 'kB'
  for (const next of UNITS.slice(1)) {
    if (value < 1024) break
    value /= 1024
    unit = next
  }
  const digits = value < 10 ? 1 : 0
  return `${numberFormat(tag, { maximumFractionDigits: digits }).format(value)}\u00A0${unit}`
}
