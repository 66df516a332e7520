import type { Answers, Condition } from './types.ts'

function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === false) return true
  if (typeof v === 'string') return v.trim() === ''
  if (Array.isArray(v)) return v.length === 0
  return false
}

/** Whether a condition holds for the answers; no condition means always. */
export function holds(condition: Condition | undefined, answers: Answers): boolean {
  if (!condition) return true
  const value = answers[condition.field]
  if ('equals' in condition) {
    if (typeof condition.equals === 'boolean') return toBool(value) === condition.equals
    return value === condition.equals
  }
  if ('in' in condition) return typeof value === 'string' && condition.in.includes(value)
  if ('includes' in condition) return Array.isArray(value) ? value.includes(condition.includes) : value === condition.includes
  return !isEmptyValue(value)
}

/** Checkbox answers arrive as "on"/"true" from HTML forms and as booleans once stored. */
export function toBool(value: unknown): boolean {
  return value === true || value === 'on' || value === 'true'
}

export { isEmptyValue }
