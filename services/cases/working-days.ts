import Holidays from 'date-holidays'
import { endOfDay } from './state.ts'
import { dateTimeFormat } from '#forms/kit/intl.ts'

/**
 * Working days in Sweden: Monday to Friday except public holidays (date-holidays' calendar for SE: Easter,
 * Ascension, midsummer, national day, Christmas …) and the eves that are days off in practice and in law
 * (midsommarafton, julafton, nyårsafton — lag (1930:173) om beräkning av lagstadgad tid treats them as
 * holidays). The one module for deadline words, the late filter and the daily digest (ADR 031).
 * Dates are ISO strings (YYYY-MM-DD) in the municipality's calendar; pure apart from the library's tables.
 */

const calendar = new Holidays('SE')
const byYear = new Map<number, ReadonlySet<string>>()

/** date-holidays types its days: `public` are red days, `bank` the three eves offices close on. */
function daysOff(year: number): ReadonlySet<string> {
  let days = byYear.get(year)
  if (!days) {
    days = new Set(calendar.getHolidays(year).filter((h) => h.type === 'public' || h.type === 'bank').map((h) => h.date.slice(0, 10)))
    byYear.set(year, days)
  }
  return days
}

const DAY_MS = 24 * 3600 * 1000
const toUtc = (iso: string) => Date.parse(`${iso}T00:00:00Z`)
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10)
/** `iso` moved `n` calendar days. */
export const plusDays = (iso: string, n: number): string => fromUtc(toUtc(iso) + n * DAY_MS)

export function isWorkingDay(iso: string): boolean {
  const weekday = new Date(toUtc(iso)).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !daysOff(Number(iso.slice(0, 4))).has(iso)
}

/** The first working day on or after `iso`: a deadline on a day off moves to the next working day (1930:173). */
export function nextWorkingDay(iso: string): string {
  let d = iso
  while (!isWorkingDay(d)) d = plusDays(d, 1)
  return d
}

/** The last working day strictly before `iso`. */
export function previousWorkingDay(iso: string): string {
  let d = plusDays(iso, -1)
  while (!isWorkingDay(d)) d = plusDays(d, -1)
  return d
}

/** Working days in (from, to]: how many working days from `from` until `to` has come; 0 when `to` ≤ `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0
  for (let d = plusDays(from, 1); d <= to; d = plusDays(d, 1)) if (isWorkingDay(d)) n++
  return n
}

/** `n` working days after `iso` (n ≥ 0). */
export function addWorkingDays(iso: string, n: number): string {
  let d = iso
  for (let left = n; left > 0; left--) d = nextWorkingDay(plusDays(d, 1))
  return d
}

/** The calendar date of an instant in `timeZone`. */
export const localDate = (at: Date, timeZone: string): string => dateTimeFormat('sv-SE', { timeZone }).format(at)

/** 00:00 on `iso` in `timeZone`, as an instant. */
export const startOfDay = (iso: string, timeZone: string): Date => new Date(endOfDay(plusDays(iso, -1), timeZone).getTime() + 1)

/**
 * The instant before which a deadline has been missed at `now`. A deadline is missed once its day, moved to
 * the next working day if it is a day off, has passed: so a case due on Saturday is due on Monday, not late.
 * That is: due before the start of the day after the last working day before today.
 */
export function lateBefore(now: Date, timeZone: string): Date {
  return startOfDay(plusDays(previousWorkingDay(localDate(now, timeZone)), 1), timeZone)
}

export type DueTone = 'late' | 'today' | 'soon' | 'later'
export type Due = { tone: DueTone; sv: string; en: string }

/**
 * A deadline in words, for a colour and a sentence side by side (never colour alone): "förfaller i dag",
 * "förfaller om 2 arbetsdagar", "2 dagar sen". Days late are calendar days since the (moved) deadline day.
 */
export function dueIn(dueAt: Date, now: Date, timeZone: string): Due {
  const today = localDate(now, timeZone)
  const due = nextWorkingDay(localDate(dueAt, timeZone))
  if (due === today) return { tone: 'today', sv: 'förfaller i dag', en: 'due today' }
  if (due < today) {
    // A day off after the deadline day does not make it later: count from the day it fell due.
    const days = Math.round((toUtc(today) - toUtc(due)) / DAY_MS)
    return { tone: 'late', sv: `${days} ${days === 1 ? 'dag' : 'dagar'} sen`, en: `${days} ${days === 1 ? 'day' : 'days'} late` }
  }
  const n = workingDaysBetween(today, due)
  return {
    tone: n <= 2 ? 'soon' : 'later',
    sv: `förfaller om ${n} ${n === 1 ? 'arbetsdag' : 'arbetsdagar'}`,
    en: `due in ${n} working ${n === 1 ? 'day' : 'days'}`,
  }
}
