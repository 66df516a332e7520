import { checkSubmission } from '#forms/kit/index.ts'
import { municipality } from '../config/municipality.server.ts'
import { sql, type Tx } from '../db/sql.server.ts'
import { citizenMailPayload } from '../mail/notify.server.ts'
import { caseBase, stateRow } from './projection.server.ts'
import { openDraftAnswers } from './secret-answers.server.ts'
import { planReceipt, type ReceiveInput } from './receive-plan.ts'
import { caseInsertCtes } from './case-insert.server.ts'
import { lockDraft, replayOrGone } from './draft-lock.server.ts'
import type { ReceiveResult } from './receive.server.ts'
import { foldEvents } from './state.ts'

/** Stands for the case number in rows computed before it is taken; the statement puts the number in. */
const NUMBER = '⟦case-number⟧'

/**
 * A plain receipt as one statement, sent together with its COMMIT: the case number's counter row is then
 * locked only while PostgreSQL executes and commits, never while this process waits for its turn on the
 * event loop (with dozens of sends at once that wait was most of the lock's time). Every row is worked out
 * here first; those that show the number (the state row, the receipt e-mail) carry a placeholder the
 * statement replaces with the number it takes. Every write depends on the case row, so if the definition
 * row is missing nothing is written and null sends the caller the long way round.
 */
export async function receiveInOneStatement(input: ReceiveInput, definitionHash: string): Promise<ReceiveResult | null> {
  const { draftId, sessionHash, def, ctx } = input
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
    const p = planReceipt(input, check!, municipality().id)
    const c = { ...p.row, number: NUMBER }
    const state = stateRow(c, foldEvents(caseBase(c), [p.receivedEvent]))
    const mail = citizenMailPayload(c, 'received')
    const r = p.row
    const statement = db<{ number: string }[]>`
      with ${caseInsertCtes(tx, input, p, definitionHash)},
      e as (
        insert into case_events (case_id, seq, type, actor, data, at)
        select c.id, 1, 'received', ${db.json(p.actor as never)}, ${db.json(p.receivedEvent.data as never)}, ${r.receivedAt} from c),
      a as (
        update attachments set case_id = c.id, draft_id = null from c
        where attachments.draft_id = ${draftId} and attachments.id = any(${p.keep}::uuid[])),
      x as (delete from drafts where id = ${draftId} and exists (select 1 from c)),
      s as (
        update sessions set data = jsonb_set(data, '{receipts}', coalesce(data->'receipts', '[]') || ${db.json([r.id])})
        where token_hash = ${sessionHash} and exists (select 1 from c)),
      st as (
        insert into case_state
        select (jsonb_populate_record(null::case_state, ${db.json(state as never)}::jsonb || jsonb_build_object('number', c.number))).* from c),
      m as (
        insert into outbox (kind, case_id, event_seq, payload)
        select 'email', c.id, 1, replace(${mail ? JSON.stringify(mail) : null}::text, ${NUMBER}, c.number)::jsonb from c
        where ${mail !== null})
      select number from c`
    // Sent back to back on this connection: COMMIT follows the statement without waiting for its answer.
    // Had the statement failed, PostgreSQL answers the COMMIT by rolling back.
    const commit = db`commit`
    statement.execute()
    commit.execute()
    const [[created]] = await Promise.all([statement, commit])
    open = false
    return created ? { kind: 'received', case: { id: r.id, number: created.number }, replay: false } : null
  } finally {
    if (open) await db`rollback`.catch(() => {})
    db.release()
  }
}
