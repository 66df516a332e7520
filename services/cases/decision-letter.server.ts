import { sql } from '../db/sql.server.ts'
import { decisionInputOf, renderDecisionLetter } from '../pdf/decision.server.ts'
import type { EventData, StoredEvent } from './events.ts'
import { caseRowColumns, type CaseRow } from './projection.server.ts'

/**
 * The decision letter of a case's latest decision, rendered again from the 'decided' event (which froze
 * everything the letter shows), or null when the case has no decision. Callers check who may see it.
 */
export async function decisionLetter(caseId: string): Promise<{ bytes: Uint8Array; number: string } | null> {
  const db = sql()
  const [c] = await db<CaseRow[]>`select ${caseRowColumns(db)} from cases c where c.id = ${caseId}`
  if (!c) return null
  const [e] = await db<StoredEvent[]>`
    select seq, type, at, actor, data from case_events where case_id = ${caseId} and type = 'decided' order by seq desc limit 1`
  if (!e) return null
  const by = (e.actor as { name?: string }).name ?? ''
  const bytes = await renderDecisionLetter(decisionInputOf(e.data as EventData['decided'], c, e.at, by))
  return { bytes, number: c.number }
}
