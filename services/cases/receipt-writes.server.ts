import type postgres from 'postgres'
import { updateRegisterWrite } from '../associations/register.server.ts'
import type { Tx } from '../db/sql.server.ts'
import { citizenMailPayload } from '../mail/notify.server.ts'
import type { StoredEvent } from './events.ts'
import { caseBase, stateRow, type CaseRow } from './projection.server.ts'
import { followUpEvents } from './receipt-follow-ups.server.ts'
import type { ReceiptPlan, ReceiveInput } from './receive-plan.ts'
import { caseScope, sealAnswers } from './secret-answers.server.ts'
import { foldEvents } from './state.ts'
import { planSubCases, subCaseWrite } from './sub-cases.server.ts'

/** One `name as (…)` of the receipt's statement. */
export type Cte = postgres.PendingQuery<postgres.Row[]>

/** Stands for the case's number in rows worked out before it is taken; the statement puts the number in. */
export const NUMBER = '⟦case-number⟧'

/** A case the receipt makes: the case itself (ordinal 0) and its sub-cases (1, 2, …), with their logs as received. */
export type ReceiptCase = { ordinal: number; row: CaseRow; events: StoredEvent[]; fanOutId?: string }

/**
 * Everything a receipt's writes are made from, worked out before the statement. The case's own rows show
 * `NUMBER` where its number goes; `caseNumber` is the SQL for any of the receipt's numbers.
 */
export type ReceiptScope = {
  tx: Tx
  input: ReceiveInput
  plan: ReceiptPlan
  definitionHash: string
  /** The case and its sub-cases, in the order their numbers are taken. */
  cases: ReceiptCase[]
  /** The number of the receipt's case with this ordinal (SQL); `n` must be in the FROM list. */
  caseNumber(ordinal: number | Cte): Cte
  /** `value` as jsonb with `NUMBER` replaced by the case's number (SQL); `c` must be in the FROM list. */
  numbered(value: unknown): Cte
}

/**
 * A write of the receipt: the CTEs it adds to the receipt's one statement, each depending on the case row `c`
 * (`from c`, or `exists (select 1 from c)`), so nothing is written when the case is not. A write that needs to
 * read first (a lock, a check) does so here, in the receiving transaction, before the statement takes the case
 * number; throwing undoes the receipt. A write that does not apply to this receipt returns none.
 */
export type ReceiptWrite = (s: ReceiptScope) => Cte[] | Promise<Cte[]>

/** The case row, with its number and its definition copied from form_definitions; nothing when that row is missing. */
const caseRow: ReceiptWrite = ({ tx, input, plan, definitionHash, cases, caseNumber }) => {
  const { def } = input
  const r = plan.row
  return [
    tx`d as (select definition from form_definitions where hash = ${definitionHash})`,
    // One counter update takes the numbers of the case and all its sub-cases: gapless, locked until COMMIT.
    tx`n as (
      insert into case_number_counters (prefix, year, last) select ${def.caseNumberPrefix}, ${plan.year}, ${cases.length} where exists (select 1 from d)
      on conflict (prefix, year) do update set last = case_number_counters.last + ${cases.length}
      returning last)`,
    tx`c as (
      insert into cases (id, number, idempotency_key, form_id, form_version, definition, answers, completeness, locale, channel, location, applicant, team, department, received_at)
      select ${r.id}, ${caseNumber(0)}, ${input.draftId}, ${def.id}, ${def.version},
             d.definition, ${tx.json(sealAnswers(def, r.answers, caseScope(r.id)) as never)}, ${tx.json(plan.completeness)}, ${r.locale}, ${r.channel}, ${r.location},
             ${r.applicant ? tx.json(r.applicant as never) : null}, ${r.team}, ${r.department}, ${r.receivedAt}
      from d, n
      returning id, number)`,
  ]
}

/** Every case's log as received: the 'received' event and any follow-ups staff filed with it. */
const events: ReceiptWrite = ({ tx, cases, numbered }) => {
  const rows = cases.flatMap((k) => k.events.map((e) => ({ case_id: k.row.id, seq: e.seq, type: e.type, actor: e.actor, data: e.data, at: e.at })))
  return [tx`e as (
    insert into case_events (case_id, seq, type, actor, data, at)
    select v.case_id, v.seq, v.type, v.actor, v.data, v.at from c, jsonb_populate_recordset(null::case_events, ${numbered(rows)}) v)`]
}

/** Every case's first state row, so it is in its team's queue the moment it exists. */
const stateRows: ReceiptWrite = ({ tx, cases, numbered, caseNumber }) => {
  const rows = cases.map((k) => ({ ordinal: k.ordinal, state: stateRow(k.row, foldEvents(caseBase(k.row), k.events)) }))
  return [tx`st as (
    insert into case_state
    select (jsonb_populate_record(null::case_state, v.state || jsonb_build_object('number', ${caseNumber(tx`v.ordinal`)}))).*
    from c, n, jsonb_to_recordset(${numbered(rows)}) v(ordinal int, state jsonb))`]
}

/** The attachments the answers refer to move to the case; the rest, and the draft, go. */
const draftToCase: ReceiptWrite = ({ tx, input, plan }) => [
  tx`a as (
    update attachments set case_id = c.id, draft_id = null from c
    where attachments.draft_id = ${input.draftId} and attachments.id = any(${plan.keep}::uuid[]))`,
  tx`x as (delete from drafts where id = ${input.draftId} and exists (select 1 from c))`,
  tx`s as (
    update sessions set data = jsonb_set(data, '{receipts}', coalesce(data->'receipts', '[]') || ${tx.json([plan.row.id])})
    where token_hash = ${input.sessionHash} and exists (select 1 from c))`,
]

/** The receipt e-mail, where the citizen gave an address: one, for the case (never for its sub-cases). */
const receiptMail: ReceiptWrite = ({ tx, cases, numbered }) => {
  const mail = citizenMailPayload(cases[0]!.row, 'received')
  if (!mail) return []
  return [tx`m as (insert into outbox (kind, case_id, event_seq, payload) select 'email', c.id, 1, ${numbered(mail)} from c)`]
}

/**
 * Every write a receipt makes, whatever kind it is (plain, signed, fanned out, with a register); each decides
 * from the definition and answers whether it applies. A new write that every receipt must make goes here, and
 * only here. What the caller adds (a BankID signature) comes after these.
 */
export const RECEIPT_WRITES: readonly ReceiptWrite[] = [caseRow, subCaseWrite, events, stateRows, draftToCase, receiptMail, updateRegisterWrite]

const caseNumberSql = (tx: Tx, prefix: string, year: number, count: number, ordinal: number | Cte) =>
  tx`${prefix} || '-' || ${year} || '-' || lpad((n.last - ${count - 1} + ${ordinal}::int)::text, 6, '0')`

/** The receipt's cases and what writes them, worked out from the plan (follow-ups folded, sub-cases cut). */
export function receiptScope(tx: Tx, input: ReceiveInput, plan: ReceiptPlan, definitionHash: string): ReceiptScope {
  const row: CaseRow = { ...plan.row, number: NUMBER }
  const own: ReceiptCase = { ordinal: 0, row, events: [plan.receivedEvent, ...followUpEvents(input, row, plan.receivedEvent)] }
  const cases = [own, ...planSubCases(row, plan.receivedEvent.data).map((sub, i) => ({ ordinal: i + 1, ...sub }))]
  return {
    tx, input, plan, definitionHash, cases,
    caseNumber: (ordinal) => caseNumberSql(tx, input.def.caseNumberPrefix, plan.year, cases.length, ordinal),
    numbered: (value) => tx`replace(${JSON.stringify(value)}::text, ${NUMBER}, c.number)::jsonb`,
  }
}

/**
 * The receipt's CTEs (`c` names the case), after any reads the writes make. An array: a query returned from an
 * async function would be awaited, that is run, on its own.
 */
export async function receiptCtes(s: ReceiptScope, extra: readonly ReceiptWrite[]): Promise<Cte[]> {
  return (await Promise.all([...RECEIPT_WRITES, ...extra].map((w) => w(s)))).flat()
}

/** The receipt as one statement, yielding the case's number (no row: nothing was written). */
export function receiptStatement(tx: Tx, ctes: Cte[]) {
  return tx<{ number: string }[]>`with ${ctes.reduce((list, cte) => tx`${list}, ${cte}`)} select number from c`
}
