import * as z from 'zod/mini'
import { messagesOf, pick, requiredFrom } from '../messages.ts'
import type { DateField, Locale } from '../types.ts'
import { blank, convert, oneInput, preprocess, refuse, str, type Kind } from './kind.ts'
import { intlLocale } from '../languages.ts'
import { dateTimeFormat } from '../intl.ts'

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar date as YYYY-MM-DD, or null (30 February is not a date). */
export function parseIsoDate(v: string): string | null {
  const m = ISO.exec(v.trim())
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === v.trim() ? v.trim() : null
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export function formatDate(iso: string, locale: Locale): string {
  if (!parseIsoDate(iso)) return iso
  return dateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' })
    .format(new Date(`${iso}T00:00:00Z`))
}

const DATE = {
  required: { sv: 'Datumet saknas. Fyll i ett datum', en: 'The date is missing. Enter a date' },
  invalid: { sv: 'Datumet finns inte. Kontrollera dag, månad och år', en: 'That date does not exist. Check the day, month and year' },
  tooEarly: { sv: 'Datumet är för tidigt. Välj {min} eller senare', en: 'The date is too early. Choose {min} or later' },
  tooLate: { sv: 'Datumet är för sent. Välj {max} eller tidigare', en: 'The date is too late. Choose {max} or earlier' },
}

export const date: Kind<DateField> = {
  schema: (field, ctx) => {
    const m = messagesOf(field, ctx.locale, DATE)
    const min = field.minDaysFromToday === undefined ? undefined : addDays(ctx.today, field.minDaysFromToday)
    const max = field.maxDaysFromToday === undefined ? undefined : addDays(ctx.today, field.maxDaysFromToday)
    return preprocess(str, z.pipe(z.string(), convert((v: string, zctx) => {
      const iso = parseIsoDate(v)
      if (!iso) return refuse(zctx, m('invalid'))
      if (min !== undefined && iso < min) return refuse(zctx, m('tooEarly', { min: formatDate(min, ctx.locale) }))
      if (max !== undefined && iso > max) return refuse(zctx, m('tooLate', { max: formatDate(max, ctx.locale) }))
      return iso
    })))
  },
  isEmpty: blank,
  format: (v, _f, locale) => formatDate(str(v), locale),
  inputNames: oneInput,
  requiredMessage: requiredFrom(DATE),
  messages: (f) => pick(DATE, { tooEarly: f.minDaysFromToday !== undefined, tooLate: f.maxDaysFromToday !== undefined }),
}
