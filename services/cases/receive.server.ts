import { checkSubmission } from '#forms/kit/index.ts'
import { municipality } from '../config/municipality.server.ts'
import { sql, type Tx } from '../db/sql.server.ts'
import { storedDefinition, storeDefinition } from './definitions.server.ts'
import { lockDraft, replayOrGone, type Received } from './draft-lock.server.ts'
import { openDraftAnswers } from './secret-answers.server.ts'
import { planReceipt, type ReceiveInput } from './receive-plan.ts'
import { receiptCtes, receiptScope, receiptStatement, type ReceiptWrite } from './receipt-writes.server.ts'
import { countReceipt } from '../metrics/metrics.server.ts'

export type { ReceiptFindings } from './receive-plan.ts'
export type { Received } from './draft-lock.server.ts'
export type { ReceiptWrite } from './receipt-writes.server.ts'
export type ReceiveResult =
  | { kind: 'received'; case: Received; replay: boolean }
  | { kind: 'incomplete'; firstIncomplete: string }
  | { kind: 'gone' }

/**
 * Turns a draft into a received case in one transaction: the completeness check on the stored answers,
 * a case number, the answers with a snapshot of the definition, its attachments, the 'received' event (and
 * any follow-ups staff filed with it), the state row, sub-cases, the association register and the receipt
 * e-mail (receipt-writes.server.ts lists every write; planReceipt says what the flags do).
 * The draft row is locked first, so a double-clicked or replayed send waits for the first and then
 * finds its case (the draft id is the idempotency key): one send, one case.
 *
 * The case number's counter row stays locked from taking the number until COMMIT, for every other send of
 * that e-service. Every receipt is therefore written by one statement sent together with its COMMIT, so the
 * lock is held only while PostgreSQL works, never while this process waits for its turn on the event loop.
 */
export async function receiveDraft(input: ReceiveInput & {
  /**
   * More that must be stored with the case or not at all (a BankID signature, services/signing), written by
   * the same statement after RECEIPT_WRITES; a write that throws undoes the receipt.
   */
  writes?: readonly ReceiptWrite[]
}): Promise<ReceiveResult> {
  const definitionHash = await storedDefinition(input.def)
  let result = await receiveOnce(input, definitionHash)
  if (!result) {
    // Only when the stored definition row went missing (a database reset under a running process): nothing
    // was written, so store the definition again and receive once more.
    await storeDefinition(sql(), input.def, definitionHash)
    result = await receiveOnce(input, definitionHash)
    if (!result) throw new Error(`receiveDraft: the definition ${definitionHash} is not in form_definitions`)
  }
  // Counted once committed; a replayed send found its case and is not a new receipt.
  if (result.kind === 'received' && !result.replay) countReceipt(input.def.id)
  return result
}

/** One try on a reserved connection: BEGIN with the draft lookup, the reads writes make, then the statement with its COMMIT. */
async function receiveOnce(input: Parameters<typeof receiveDraft>[0], definitionHash: string): Promise<ReceiveResult | null> {
  const { draftId, def, ctx } = input
  const db = await sql().reserve()
  let open = false
  try {
    // BEGIN goes out with the first query, in one write.
    const begin = db`begin`.execute()
    open = true
    const tx = db as unknown as Tx
    const [, [draft]] = await Promise.all([begin, lockDraft(tx, input).execute()])
    const check = draft ? checkSubmission(def, openDraftAnswers(draftId, draft.answers), ctx) : null
    if (!draft || !check!.complete) {
      const result: ReceiveResult = draft ? { kind: 'incomplete', firstIncomplete: check!.firstIncomplete! } : await replayOrGone(tx, draftId)
      await db`rollback`
      open = false
      return result
    }
    const plan = planReceipt(input, check!, municipality().id)
    const statement = receiptStatement(tx, await receiptCtes(receiptScope(tx, input, plan, definitionHash), input.writes ?? []))
    // Sent back to back on this connection: COMMIT follows the statement without waiting for its answer.
    // Had the statement failed, PostgreSQL answers the COMMIT by rolling back.
    const commit = db`commit`
    statement.execute()
    commit.execute()
    const [[created]] = await Promise.all([statement, commit])
    open = false
    return created ? { kind: 'received', case: { id: plan.row.id, number: created.number }, replay: false } : null
  } finally {
    if (open) await db`rollback`.catch(() => {})
    db.release()
  }
}
