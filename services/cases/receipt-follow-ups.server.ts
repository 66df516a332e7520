import type { Tx } from '../db/sql.server.ts'
import type { NewEvent, StaffActor } from './events.ts'
import { refusal, type Who } from './guards.ts'
import { caseBase, caseRowColumns, loadEvents, type CaseRow } from './projection.server.ts'
import { applyEvent, foldEvents } from './state.ts'

/**
 * Events staff append in the very step that registers a case (a caller's case lands claimed by whoever took
 * the call; a contact answered on the spot is closed too), as receiveDraft's `within`: written in the receiving
 * transaction after the 'received' event, so the case is never seen half done and onReceived folds them into
 * its first state row. Each passes the same guard as an event appended later on the case page; a refusal is
 * a programming error here (a fresh case allows them all), so it undoes the whole receipt.
 * No citizen e-mail is queued for them: the caller heard the answer from the staff member.
 */
export function followUpsWithin(events: readonly NewEvent[], actor: StaffActor, who: Who) {
  return async (tx: Tx, received: { id: string }): Promise<void> => {
    if (!events.length) return
    const [c] = await tx<CaseRow[]>`select ${caseRowColumns(tx)} from cases c where c.id = ${received.id}`
    const base = caseBase(c!)
    let state = foldEvents(base, await loadEvents(tx, received.id))
    for (const event of events) {
      const why = refusal(state, event, who, { decisionAllowed: c!.definition.decision?.byServicecenter === true })
      if (why) throw new Error(`followUpsWithin: ${event.type} refused on a fresh case: ${why}`)
      const [row] = await tx<{ at: Date }[]>`
        insert into case_events (case_id, seq, type, actor, data, at)
        values (${received.id}, ${state.seq + 1}, ${event.type}, ${tx.json(actor)}, ${tx.json(event.data as never)}, clock_timestamp())
        returning at`
      state = applyEvent(state, { ...event, seq: state.seq + 1, at: row!.at, actor }, base)
    }
  }
}
