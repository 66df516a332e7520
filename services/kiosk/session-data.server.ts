import type { Session } from '../auth/session.server.ts'
import { sql } from '../db/sql.server.ts'

/**
 * What a kiosk visit adds to its session (sessions.data), under names of its own. Issue 3's citizen
 * identity (sessions.kind 'citizen' + person) needs a personnummer, which a library card does not give,
 * so the low-assurance library identity lives here until sessions carry an assurance level.
 */
export type KioskSessionData = {
  /** Logged in with a library card over SIP2: low assurance, never enough for anything that is signed. */
  libraryCard?: { kind: 'library-card'; patronId: string; name: string; at: string }
  /** Assisted mode: a staff member unlocked it with their own login to fill in together with the visitor. */
  kioskAssist?: { staffId: string; name: string; at: string }
}

export const kioskData = (session: Session | null): KioskSessionData => (session?.data ?? {}) as KioskSessionData

/** Sets (or with null, removes) one of the kiosk keys of a session's data. */
export async function setKioskData<K extends keyof KioskSessionData>(tokenHash: string, key: K, value: KioskSessionData[K] | null): Promise<void> {
  if (value === null) await sql()`update sessions set data = data - ${key}::text where token_hash = ${tokenHash}`
  else await sql()`update sessions set data = data || ${sql().json({ [key]: value } as never)} where token_hash = ${tokenHash}`
}
