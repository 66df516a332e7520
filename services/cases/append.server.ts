import { sql, type Tx } from '../db/sql.server.ts'
import { notifyCitizen } from '../mail/notify.server.ts'
import type { Actor, CaseEvent, NewEvent } from './events.ts'
import { refusal, type Who } from './guards.ts'
import { caseBase, caseRowColumns, loadEvents, writeState, type CaseRow } from './projection.server.ts'
import { applyEvent, foldEvents, type CaseState } from './state.ts'
import { UUID } from './queries.server.ts'
import { afterEvent } from './after-event.server.ts'

export type AppendResult =
  | { kind: 'ok'; event: CaseEvent; state: CaseState; case: CaseRow }
  /** Someone else changed the case since the actor saw it (their `expectedSeq`); nothing was written. */
  | { kind: 'stale'; seq: number }
  | { kind: 'refused'; reason: string }
  | { kind: 'not-found' }

export type AppendInput = {
  caseId: string
  /** The case's last seq as the actor saw it; omitted only where staleness cannot matter (a citizen's answer). */
  expectedSeq?: number
  event: NewEvent
  actor: Actor
  who: Who
  /**
   * More writes that belong to the same change (a supplement's files), in the same transaction, once the
   * guard has passed and before the event is written; may return the event completed (with the files' ids).
   */
  beforeAppend?: (tx: Tx, c: CaseRow, seq: number) => Promise<NewEvent | undefined>
}

/**
 * Appends one event to a case's log with optimistic concurrency, in one transaction: lock the case's
 * state row, compare the seq the actor saw, check the event against the state folded from the log,
 * insert it as seq + 1, write the new projection and queue the citizen's e-mail. Two people acting at
 * once: the second waits on the lock, finds the seq moved and gets `stale` — and the primary key
 * (case_id, seq) would refuse a duplicate seq even if this check were bypassed.
 */
export async function appendEvent(input: AppendInput): Promise<AppendResult> {
  if (!UUID.test(input.caseId)) return { kind: 'not-found' }
  try {
    return await sql().begin((tx) => appendInTx(tx, input))
  } catch (e) {
    // The database's own guard: another transaction took this seq first.
    if ((e as { code?: string }).code === '23505' && (e as { constraint_name?: string }).constraint_name === 'case_events_pkey') {
      const [now] = await sql()<{ seq: number }[]>`select seq from case_state where case_id = ${input.caseId}`
      return { kind: 'stale', seq: now?.seq ?? 0 }
    }
    throw e
  }
}

/** The same, inside a transaction the caller holds (take-next claims the row it locked). */
export async function appendInTx(tx: Tx, input: AppendInput): Promise<AppendResult> {
  const [locked] = await tx<{ seq: number }[]>`select seq from case_state where case_id = ${input.caseId} for update`
  if (!locked) return { kind: 'not-found' }
  if (input.expectedSeq !== undefined && input.expectedSeq !== locked.seq) return { kind: 'stale', seq: locked.seq }
  const [c] = await tx<CaseRow[]>`select ${caseRowColumns(tx)} from cases c where c.id = ${input.caseId}`
  const base = caseBase(c!)
  const state = foldEvents(base, await loadEvents(tx, input.caseId))
  const why = refusal(state, input.event, input.who, { decisionAllowed: c!.definition.decision?.byServicecenter === true })
  if (why) return { kind: 'refused', reason: why }
  const newEvent = (await input.beforeAppend?.(tx, c!, state.seq + 1)) ?? input.event

  // The wall clock, not the transaction's start: one who waited on the lock acted after the one before.
  const [row] = await tx<{ at: Date }[]>`
    insert into case_events (case_id, seq, type, actor, data, at)
    values (${input.caseId}, ${state.seq + 1}, ${newEvent.type}, ${tx.json(input.actor)}, ${tx.json(newEvent.data as never)},
            clock_timestamp())
    returning at`
  const event = { ...newEvent, seq: state.seq + 1, at: row!.at, actor: input.actor } as CaseEvent
  const next = applyEvent(state, event, base)
  await writeState(tx, c!, next)
  await notifyCitizen(tx, c!, event)
  await afterEvent(tx, c!, event, input.who, next)
  return { kind: 'ok', event, state: next, case: c! }
}
