import { env, type Env } from '../env.server.ts'
import { addressScope } from '../limits/address.ts'
import type { AttemptLimit } from './login-attempts.server.ts'

/**
 * Who may try how often within one window (LOGIN_WINDOW_MINUTES): failed staff passwords per account at one
 * address and per address over all accounts; failed library cards per card at one kiosk and per kiosk; wrong
 * enrolment codes per address. Never per account or card alone: then anyone could lock anyone out. An IPv6
 * address counts by its /64 (addressScope), which one phone or household picks addresses from at will.
 */
export type LoginLimits = {
  windowMinutes: number
  /** The person's own limit first (forgotten after a success), then the shared one. */
  staff(email: string, address: string): [AttemptLimit, AttemptLimit]
  libraryCard(card: string, kioskId: string): [AttemptLimit, AttemptLimit]
  kioskEnrolment(address: string): AttemptLimit
}

export function loginLimits(settings: Env = env()): LoginLimits {
  return {
    windowMinutes: settings.LOGIN_WINDOW_MINUTES,
    staff: (email, address) => [
      { key: `staff:${email.trim().toLowerCase()}|${addressScope(address)}`, max: settings.LOGIN_ACCOUNT_ATTEMPTS },
      { key: `staff-address:${addressScope(address)}`, max: settings.LOGIN_ADDRESS_ATTEMPTS },
    ],
    libraryCard: (card, kioskId) => [
      { key: `card:${card}|${kioskId}`, max: settings.LIBRARY_CARD_ATTEMPTS },
      { key: `card-kiosk:${kioskId}`, max: settings.LIBRARY_KIOSK_ATTEMPTS },
    ],
    kioskEnrolment: (address) => ({ key: `kiosk-enrol:${addressScope(address)}`, max: settings.KIOSK_ENROL_ATTEMPTS }),
  }
}
