import { readEnv } from '../env.server.ts'
import { kioskIdleFrom, type KioskIdle } from './idle.ts'

let cached: KioskIdle | undefined

/** The kiosk idle limits from the environment; checked at start (prepareKiosks) so a bad value stops the portal. */
export function kioskIdle(): KioskIdle {
  cached ??= kioskIdleFrom(readEnv())
  return cached
}
