import { z } from 'zod'
import { message, pick } from '../messages.ts'
import type { DateField, Locale, Text } from '../types.ts'
import { blank, str, type Kind } from './kind.ts'
import { intlLocale } from '../languages.ts'

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
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' })
    .format(new Date(`${iso}T00:00:00Z`))
}

const DATE = {
  required: { sv: 'Datumet saknas. Fyll i ett datum', en: 'The date is missing. Enter a date' },
  invalid: { sv: 'Datumet finns inte. Kontrollera dag, månad och år', en: 'That date does not exist. Check the day, month and year' },
  tooEarly: { sv: 'Datumet är för tidigt. Välj {min} eller senare', en: 'The date is too early. Choose {min} or later' },
  tooLate: { sv: 'Datumet är för sent. Välj {max} eller tidigare', en: 'The date is too late. Choose {max} or earlier' },
}

export const date: Kind<DateField> = {
  schema: (field, ctx) =>
    z.preprocess(str, z.string().transform((v, zctx) => {
      const iso = parseIsoDate(v)
      const fail = (rule: string, fallback: Text, vars = {}) => {
        zctx.addIssue({ code: 'custom', message: message(field, rule, ctx.locale, fallback, vars) })
        return z.NEVER
      }
      if (!iso) return fail('invalid', DATE.invalid)
      if (field.minDaysFromToday !== undefined && iso < addDays(ctx.today, field.minDaysFromToday)) {
        const min = formatDate(addDays(ctx.today, field.minDaysFromToday), ctx.locale)
        return fail('tooEarly', DATE.tooEarly, { min })
      }
      if (field.maxDaysFromToday !== undefined && iso > addDays(ctx.today, field.maxDaysFromToday)) {
        const max = formatDate(addDays(ctx.today, field.maxDaysFromToday), ctx.locale)
        return fail('tooLate', DATE.tooLate, { max })
      }
      return iso
    })),
  isEmpty: blank,
  format: (v, _f, locale) => formatDate(str(v), locale),
  inputNames: (f) => [f.id],
  requiredMessage: (f, locale) => message(f, 'required', locale, DATE.required),
  messages: (f) => pick(DATE, { tooEarly: f.minDaysFromToday !== undefined, tooLate: f.maxDaysFromToday !== undefined }),
}
