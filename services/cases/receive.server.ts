import { checkSubmission, type Answers } from '#forms/kit/index.ts'
import { carriesRegister } from '../associations/register.server.ts'
import { municipality } from '../config/municipality.server.ts'
import { sql, type Tx } from '../db/sql.server.ts'
import { storedDefinition, storeDefinition } from './definitions.server.ts'
import { caseInsertCtes } from './case-insert.server.ts'
import { lockDraft, replayOrGone, type Received } from './draft-lock.server.ts'
import { onReceived } from './on-received.server.ts'
import type { CaseRow } from './projection.server.ts'
import { openDraftAnswers } from './secret-answers.server.ts'
import { planReceipt, type ReceiptPlan, type ReceiveInput } from './receive-plan.ts'
import { receiveInOneStatement } from './receive-one-statement.server.ts'
import { countReceipt } from '../metrics/metrics.server.ts'

export type { ReceiptFindings } from './receive-plan.ts'
export type { Received } from './draft-lock.server.ts'
export type ReceiveResult =
  | { kind: 'received'; case: Received; replay: boolean }
  | { kind: 'incomplete'; firstIncomplete: string }
  | { kind: 'gone' }

/**
 * Turns a draft into a received case in one transaction: the completeness check on the stored answers,
 * a case number, the answers with a snapshot of the definition, its attachments, the 'received' event,
 * the case's state row and the receipt e-mail (planReceipt says what the flags do).
 * The draft row is locked first, so a double-clicked or replayed send waits for the first and then
 * finds its case (the draft id is the idempotency key): one send, one case.
 *
 * The case number's counter row stays locked from taking the number until COMMIT, for every other send of
 * that e-service. A plain receipt (most of them: no signature, sub-cases or register to write) is therefore
 * written in one statement sent together with its COMMIT, so the lock is held only while PostgreSQL works
 * (receive-one-statement.server.ts); the others write in steps inside an ordinary transaction.
 */
export async function receiveDraft(input: ReceiveInput & {
  /**
   * More that must be stored with the case or not at all (a BankID signature, services/signing), run in
   * the receiving transaction once the case and its attachments are in place; throwing undoes the receipt.
   */
  within?: (tx: Tx, received: Received & { answers: Answers }) => Promise<void>
}): Promise<ReceiveResult> {
  const result = await receive(input)
  // Counted once committed; a replayed send found its case and is not a new receipt.
  if (result.kind === 'received' && !result.replay) countReceipt(input.def.id)
  return result
}

async function receive(input: Parameters<typeof receiveDraft>[0]): Promise<ReceiveResult> {
  const definitionHash = await storedDefinition(input.def)
  const plain = !input.within && !input.def.fanOut?.length && !carriesRegister(input.def.id)
  if (plain) {
    const done = await receiveInOneStatement(input, definitionHash)
    // Null only when the stored definition row went missing (a database reset under a running process).
    if (done) return done
  }
  return receiveInSteps(input, definitionHash, plain)
}

async function receiveInSteps(input: Parameters<typeof receiveDraft>[0], definitionHash: string, restoreDefinition: boolean): Promise<ReceiveResult> {
  const { def, ctx } = input
  return sql().begin(async (tx): Promise<ReceiveResult> => {
    const [draft] = await lockDraft(tx, input)
    if (!draft) return replayOrGone(tx, input.draftId)
    const check = checkSubmission(def, openDraftAnswers(input.draftId, draft.answers), ctx)
    if (!check.complete) return { kind: 'incomplete', firstIncomplete: check.firstIncomplete! }
    const plan = planReceipt(input, check, municipality().id)
    // A plain receipt lands here only when the definition row went missing under this process: store it again.
    if (restoreDefinition) await storeDefinition(tx, def, definitionHash)
    const [created] = await tx<{ number: string }[]>`with ${caseInsertCtes(tx, input, plan, definitionHash)} select number from c`
    const c: CaseRow = { ...plan.row, number: created!.number }
    await Promise.all(receiptWrites(tx, input, plan))
    if (input.within) await input.within(tx, { id: c.id, number: c.number, answers: check.answers })
    await onReceived(tx, c, input.within ? undefined : [plan.receivedEvent])
    return { kind: 'received', case: { id: c.id, number: c.number }, replay: false }
  })
}

function receiptWrites(tx: Tx, input: ReceiveInput, p: ReceiptPlan) {
  const id = p.row.id
  return [
    p.keep.length ? tx`update attachments set case_id = ${id}, draft_id = null where draft_id = ${input.draftId} and id in ${tx(p.keep)}` : null,
    tx`insert into case_events (case_id, seq, type, actor, data, at)
      values (${id}, 1, 'received', ${tx.json(p.actor as never)}, ${tx.json(p.receivedEvent.data as never)}, ${p.row.receivedAt})`,
    // Uploads the citizen removed or left on a question that no longer applies go with the draft.
    tx`delete from drafts where id = ${input.draftId}`,
    tx`update sessions set data = jsonb_set(data, '{receipts}', coalesce(data->'receipts', '[]') || ${tx.json([id])})
      where token_hash = ${input.sessionHash}`,
  ]
}
