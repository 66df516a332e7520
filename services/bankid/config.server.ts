import type { Env } from '../env.server.ts'
import type { BankIdClientOptions } from './client.server.ts'

/** Which BankID the portal talks to: a real environment (test or production), or the local simulator. */
export type BankIdSetup =
  | { kind: 'remote'; client: BankIdClientOptions }
  | { kind: 'simulator'; autoApprove: string | null }
  | { kind: 'none'; reason: string }

/**
 * Reads BANKID_URL, BANKID_PFX, BANKID_PASSPHRASE and BANKID_CA. All four select a real environment; none
 * selects the simulator, except in production, where the simulator must never run (env.server.ts refuses to
 * start production without the four, so 'none' is only seen by code that skipped readEnv).
 */
export function bankIdSetup(env: Partial<Pick<Env, 'APP_ENV' | 'BANKID_URL' | 'BANKID_PFX' | 'BANKID_PASSPHRASE' | 'BANKID_CA' | 'BANKID_SIMULATOR_AUTO_APPROVE'>>): BankIdSetup {
  const { BANKID_URL: url, BANKID_PFX: pfx, BANKID_PASSPHRASE: passphrase, BANKID_CA: ca } = env
  if (url && pfx && passphrase !== undefined && ca) return { kind: 'remote', client: { url, pfx, passphrase, ca } }
  if (env.APP_ENV === 'production') return { kind: 'none', reason: 'APP_ENV=production without BANKID_URL, BANKID_PFX, BANKID_PASSPHRASE and BANKID_CA' }
  return { kind: 'simulator', autoApprove: env.BANKID_SIMULATOR_AUTO_APPROVE?.trim() || null }
}
