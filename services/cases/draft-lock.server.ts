import type { Answers, FormDefinition } from '#forms/kit/index.ts'
import type { Tx } from '../db/sql.server.ts'

export type Received = { id: string; number: string }

/**
 * The draft to send, locked until the receiving transaction ends: a double-clicked or replayed send waits
 * for the first and then finds its case (the draft id is the idempotency key). Both ways of receiving use it.
 */
export function lockDraft(tx: Tx, input: { draftId: string; sessionHash: string; def: FormDefinition }) {
  return tx<{ answers: Answers }[]>`
    select answers from drafts where id = ${input.draftId} and session_hash = ${input.sessionHash} and form_id = ${input.def.id} for update`
}

/** A draft that is no longer there was either sent already (the same receipt again) or never this session's. */
export async function replayOrGone(tx: Tx, draftId: string) {
  const [done] = await tx<Received[]>`select id, number from cases where idempotency_key = ${draftId}`
  return done ? { kind: 'received' as const, case: done, replay: true } : { kind: 'gone' as const }
}
