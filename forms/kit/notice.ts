import { formatKronor } from './kinds/kronor.ts'
import { ltrIn } from './languages.ts'
import { fill, t } from './text.ts'
import type { FormDefinition, Locale, Notice } from './types.ts'

/** `{kronor:<setting>}` in a notice: an amount from the municipality profile's settings (a fee), in kronor. */
const KRONOR = /\{kronor:(\w+)\}/g

/**
 * A notice's text as shown: `{phone}` and `{afterHoursPhone}` from the profile's contact details and
 * `{kronor:<setting>}` from its settings, so a fee is written once, in the profile, never in a definition.
 */
export function noticeBody(notice: Notice, locale: Locale, contact: { phone?: string; afterHoursPhone?: string }, settings: Record<string, unknown> = {}): string {
  const body = t(notice.body, locale).replace(KRONOR, (whole, key: string) => {
    const n = settings[key]
    return typeof n === 'number' ? formatKronor(n, locale) : whole
  })
  return fill(body, { phone: ltrIn(locale, contact.phone ?? ''), afterHoursPhone: ltrIn(locale, contact.afterHoursPhone ?? '') })
}

/** The settings the definition's notices name, for the start-up check of the profile. */
export function noticeSettings(def: FormDefinition): string[] {
  const keys = new Set<string>()
  for (const page of def.pages)
    if (page.notice) for (const text of Object.values(page.notice.body)) for (const m of text.matchAll(KRONOR)) keys.add(m[1]!)
  return [...keys]
}
