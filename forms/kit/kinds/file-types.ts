import type { FileField, Locale } from '../types.ts'
import { intlLocale } from '../languages.ts'
import { phrase } from '../phrases.ts'
import { numberFormat } from '../intl.ts'

// Apart from the file kind, which a browser fetches only for a page with a file question (ADR 053): hints and
// pages that list attachments use these too.

/** "image/jpeg" → "JPEG": what citizens recognise from file names. */
const TYPE_NAMES: Record<string, string> = { 'image/webp': 'WebP' }
export const typeName = (mime: string) => TYPE_NAMES[mime] ?? (mime.split('/')[1] ?? mime).replace(/^x-/, '').toUpperCase()

export const typeList = (field: FileField, locale: Locale) => {
  const names = field.accept.map(typeName)
  const last = names.pop()
  return names.length ? `${names.join(', ')} ${phrase(locale, 'or')} ${last}` : (last ?? '')
}

export function humanSize(bytes: number, locale: Locale): string {
  const fmt = (n: number) => numberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(n)
  if (bytes >= 1024 * 1024) return `${fmt(bytes / (1024 * 1024))} MB`
  if (bytes >= 1024) return `${fmt(bytes / 1024)} kB`
  return `${bytes} B`
}
