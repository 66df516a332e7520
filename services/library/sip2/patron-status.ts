import { Sip2ParseError } from './errors.ts'

/** The 14 positions of the SIP2 patron status field, in wire order. */
export const PATRON_STATUS_FLAGS = [
  'chargePrivilegesDenied',
  'renewalPrivilegesDenied',
  'recallPrivilegesDenied',
  'holdPrivilegesDenied',
  'cardReportedLost',
  'tooManyItemsCharged',
  'tooManyItemsOverdue',
  'tooManyRenewals',
  'tooManyClaimsOfItemsReturned',
  'tooManyItemsLost',
  'excessiveOutstandingFines',
  'excessiveOutstandingFees',
  'recallOverdue',
  'tooManyItemsBilled',
] as const

export type PatronStatusFlag = (typeof PATRON_STATUS_FLAGS)[number]

export type PatronStatus = Readonly<Record<PatronStatusFlag, boolean>>

export function parsePatronStatus(field: string): PatronStatus {
  if (field.length !== PATRON_STATUS_FLAGS.length) throw new Sip2ParseError('malformed', 'Patron status must be 14 characters')
  // Only 'Y' is "true"; the spec uses a space for "not true" but some servers send 'N'.
  return Object.fromEntries(PATRON_STATUS_FLAGS.map((flag, index) => [flag, field[index] === 'Y'])) as Record<PatronStatusFlag, boolean>
}

export function formatPatronStatus(flags: Iterable<PatronStatusFlag>): string {
  const set = new Set(flags)
  return PATRON_STATUS_FLAGS.map((flag) => (set.has(flag) ? 'Y' : ' ')).join('')
}

export function activeFlags(status: PatronStatus): PatronStatusFlag[] {
  return PATRON_STATUS_FLAGS.filter((flag) => status[flag])
}

export function patronStatusOf(flags: Iterable<PatronStatusFlag> = []): PatronStatus {
  return parsePatronStatus(formatPatronStatus(flags))
}
