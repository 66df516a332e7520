import type { Sql } from '../db/sql.server.ts'
import { clientRules, type LimitedClient } from './client.server.ts'
import { limitsConfig } from './config.server.ts'
import type { LimitsConfig } from './config.ts'
import { consume, type Verdict } from './limiter.server.ts'

/**
 * Counts one final send of any e-service (issue 10: an anonymous client filed 45 fault reports in 10 s).
 * Over a limit, nothing is sent: the draft stays as it was, and the caller answers 429 with when to retry.
 */
export async function checkSend(client: LimitedClient, cfg: LimitsConfig = limitsConfig(), db?: Sql): Promise<Verdict> {
  if (!cfg.enabled) return { ok: true, counted: [] }
  return consume(clientRules(client, 'send', { unit: 'maxHits', ...cfg.send }), { hits: 1, bytes: 0 }, db)
}
