import type { PatronStatusFlag } from './patron-status.ts'

export interface Sip2TestPatron {
  readonly cardNumber: string
  readonly pin: string
  readonly name: string
  readonly status?: readonly PatronStatusFlag[]
  /** AF, e.g. Koha's "PATRON EXPIRED". */
  readonly screenMessage?: string
  readonly feeAmount?: string
  readonly currencyType?: string
}

export const SIP2_TEST_PIN = '1234'

/** Not held by the test server; any card number not in its list behaves the same. */
export const SIP2_UNKNOWN_CARD = '29999999999999'

// Koha marks debarred and expired patrons by setting positions 0–3 together.
const DEBARRED: readonly PatronStatusFlag[] = [
  'chargePrivilegesDenied',
  'renewalPrivilegesDenied',
  'recallPrivilegesDenied',
  'holdPrivilegesDenied',
]

/** The patrons of docs/sip2.md §4; every name has å, ä or ö so that character set mistakes show. */
export const SIP2_TEST_PATRONS = {
  valid: { cardNumber: '20000000000001', pin: SIP2_TEST_PIN, name: 'Åström, Märta' },
  blocked: { cardNumber: '20000000000002', pin: SIP2_TEST_PIN, name: 'Öberg, Åsa', status: DEBARRED },
  lost: { cardNumber: '20000000000003', pin: SIP2_TEST_PIN, name: 'Lövgren, Per', status: ['cardReportedLost'] },
  expired: {
    cardNumber: '20000000000004',
    pin: SIP2_TEST_PIN,
    name: 'Ärlig, Göran',
    status: DEBARRED,
    screenMessage: 'PATRON EXPIRED',
  },
  fines: {
    cardNumber: '20000000000005',
    pin: SIP2_TEST_PIN,
    name: 'Sjöström, Kärstin',
    status: ['excessiveOutstandingFines'],
    feeAmount: '250.00',
    currencyType: 'SEK',
  },
} as const satisfies Record<string, Sip2TestPatron>

export const DEFAULT_SIP2_TEST_PATRONS: readonly Sip2TestPatron[] = Object.values(SIP2_TEST_PATRONS)
