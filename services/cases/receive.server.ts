import { checkSubmission, type Answers } from '../../forms/kit/index.ts'
import { carriesRegister } from '../associations/register.server.ts'
import { municipality } from '../config/municipality.server.ts'
import { sql, type Tx } from '../db/sql.server.ts'
import { storedDefinition } from './definitions.server.ts'
import { onReceived } from './on-received.server.ts'
import type { CaseRow } from './projection.server.ts'
import { planReceipt, type ReceiptPlan, type ReceiveInput } from './receive-plan.ts'
import { receiveInOneStatement } from './receive-one-statement.server.ts'

export type { Completeness } from './receive-plan.ts'
export type Received = { id: string; number: string }
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
  const { draftId, sessionHash, def, ctx } = input
  return sql().begin(async (tx): Promise<ReceiveResult> => {
    const [draft] = await tx<{ answers: Answers }[]>`
      select answers from drafts where id = ${draftId} and session_hash = ${sessionHash} and form_id = ${def.id} for update`
    if (!draft) return replayOrGone(tx, draftId)
    const check = checkSubmission(def, draft.answers, ctx)
    if (!check.complete) return { kind: 'incomplete', firstIncomplete: check.firstIncomplete! }
    const plan = planReceipt(input, check, municipality().id)
    // A plain receipt lands here only when the definition row went missing under this process: store it again.
    if (restoreDefinition)
      await tx`insert into form_definitions (hash, form_id, version, definition)
        values (${definitionHash}, ${def.id}, ${def.version}, ${tx.json(def as never)}) on conflict (hash) do nothing`
    const [created] = await insertCase(tx, input, plan, definitionHash)
    const c: CaseRow = { ...plan.row, number: created!.number }
    await Promise.all(receiptWrites(tx, input, plan))
    if (input.within) await input.within(tx, { id: c.id, number: c.number, answers: check.answers })
    await onReceived(tx, c, input.within ? undefined : [plan.receivedEvent])
    return { kind: 'received', case: { id: c.id, number: c.number }, replay: false }
  })
}

/** A draft that is no longer there was either sent already (the same receipt again) or never this session's. */
export async function replayOrGone(tx: Tx, draftId: string): Promise<ReceiveResult> {
  const [done] = await tx<Received[]>`select id, number from cases where idempotency_key = ${draftId}`
  return done ? { kind: 'received', case: done, replay: true } : { kind: 'gone' }
}

/** The case row, numbered in the same statement that takes the number; its definition copied from form_definitions. */
function insertCase(tx: Tx, input: ReceiveInput, p: ReceiptPlan, definitionHash: string) {
  const { def } = input
  const r = p.row
  return tx<{ number: string }[]>`
    with d as (select definition from form_definitions where hash = ${definitionHash}),
    n as (
      insert into case_number_counters (prefix, year, last) select ${def.caseNumberPrefix}, ${p.year}, 1 where exists (select 1 from d)
      on conflict (prefix, year) do update set last = case_number_counters.last + 1
      returning last)
    insert into cases (id, number, idempotency_key, form_id, form_version, definition, answers, completeness, locale, channel, location, applicant, team, department, received_at)
    select ${r.id}, ${def.caseNumberPrefix} || '-' || ${p.year} || '-' || lpad(n.last::text, 6, '0'), ${input.draftId}, ${def.id}, ${def.version},
           d.definition, ${tx.json(r.answers as never)}, ${tx.json(p.completeness)}, ${r.locale}, ${r.channel}, ${r.location},
           ${r.applicant ? tx.json(r.applicant as never) : null}, ${r.team}, ${r.department}, ${r.receivedAt}
    from d, n
    returning number`
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
