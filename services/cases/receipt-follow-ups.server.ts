import type { StoredEvent } from './events.ts'
import { refusal } from './guards.ts'
import { caseBase, type CaseRow } from './projection.server.ts'
import type { FollowUps } from './receive-plan.ts'
import { applyEvent, foldEvents } from './state.ts'

/**
 * Staff's follow-ups (FollowUps) as the case's events 2, 3, …, at the instant of receipt, so its first state row
 * folds them in. Each passes the same guard as an event appended later on the case page; a refusal is a
 * programming error here (a fresh case allows them all), so it undoes the receipt.
 */
export function followUpEvents(input: { followUps?: FollowUps }, c: CaseRow, received: StoredEvent): StoredEvent[] {
  const followUps = input.followUps
  if (!followUps?.events.length) return []
  const base = caseBase(c)
  let state = foldEvents(base, [received])
  const out: StoredEvent[] = []
  for (const event of followUps.events) {
    const why = refusal(state, event, followUps.who, { decisionAllowed: c.definition.decision?.byServicecenter === true })
    if (why) throw new Error(`followUps: ${event.type} refused on a fresh case: ${why}`)
    const stored = { ...event, seq: state.seq + 1, at: received.at, actor: followUps.actor }
    state = applyEvent(state, stored, base)
    out.push(stored)
  }
  return out
}
