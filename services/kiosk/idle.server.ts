import { env, type Env } from '../env.server.ts'
import { kioskIdleFrom, type KioskIdle } from './idle.ts'

let cached: { from: Env; idle: KioskIdle } | undefined

/** The kiosk idle limits from the settings; checked at start (prepareKiosks) so a bad value stops the portal. */
export function kioskIdle(): KioskIdle {
  const e = env()
  if (cached?.from !== e) cached = { from: e, idle: kioskIdleFrom(e) }
  return cached.idle
}
