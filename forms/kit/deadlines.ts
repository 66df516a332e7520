import * as z from 'zod/mini'
import { parseIsoDate } from './kinds/date.ts'
import type { Deadline } from './types.ts'

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const monthDay = z.string().check(z.regex(MONTH_DAY))
const round = z.object({
  from: monthDay,
  to: monthDay,
  due: monthDay,
  dueNextYear: z.optional(z.boolean()),
}).check(z.refine((r) => r.from <= r.to))

/** A deadline setting as configuration gives it, or null when it is missing or malformed. */
export function readDeadline(value: unknown): Deadline | null {
  if (typeof value === 'string') return parseIsoDate(value)
  const rounds = z.array(round).check(z.minLength(1)).safeParse(value)
  return rounds.success ? rounds.data : null
}

/**
 * The date (ISO) by which something about `date` had to be sent, or null when no round covers it.
 * A fixed date is its own deadline; for yearly rounds, the round whose from–to holds `date`'s month and day.
 * 29 February as a due date in a common year becomes 1 March, as Date would have it.
 */
export function dueDate(deadline: Deadline, date: string): string | null {
  if (typeof deadline === 'string') return deadline
  const year = Number(date.slice(0, 4))
  const md = date.slice(5)
  const r = deadline.find((x) => x.from <= md && md <= x.to)
  if (!r) return null
  const due = `${year + (r.dueNextYear ? 1 : 0)}-${r.due}`
  return parseIsoDate(due) ?? new Date(Date.UTC(year + (r.dueNextYear ? 1 : 0), Number(r.due.slice(0, 2)) - 1, Number(r.due.slice(3)))).toISOString().slice(0, 10)
}
