import { randomUUID } from 'node:crypto'
import {
  caseFlags, checkSubmission, evaluateFlags, routeAfterFlags, type Answers, type FileRef, type FlagOutcome, type FormDefinition, type ValidationContext,
} from '../../forms/kit/index.ts'
import { sql, type Tx } from '../db/sql.server.ts'
import { municipality } from '../config/municipality.server.ts'
import { storedDefinition } from './definitions.server.ts'
import type { StoredEvent } from './events.ts'
import type { CaseRow } from './projection.server.ts'
import { onReceived } from './on-received.server.ts'

export type Received = { id: string; number: string }

/**
 * What the automatic checks found when the case came in (cases.completeness): every page that applied
 * passed, and each eligibility flag's status with its texts, so the staff checklist and the citizen's
 * receipt read the same findings later without evaluating again against settings that may have changed.
 */
export type Completeness = {
  pages: { pageId: string; ok: boolean }[]
  flags?: Omit<FlagOutcome, 'routeTo'>[]
  checkedAt: string
}
export type ReceiveResult =
  | { kind: 'received'; case: Received; replay: boolean }
  | { kind: 'incomplete'; firstIncomplete: string }
  | { kind: 'gone' }

const fileRefs = (def: FormDefinition, answers: Answers): FileRef[] =>
  def.pages.flatMap((p) => p.fields).filter((f) => f.kind === 'file').flatMap((f) => (answers[f.id] as FileRef[] | undefined) ?? [])

/**
 * Turns a draft into a received case in one transaction: the completeness check on the stored answers,
 * a case number, the answers with a snapshot of the definition, its attachments, the 'received' event.
 * Eligibility flags never reject: raised and unjudged ones go on the 'received' event (so the projection
 * folds them into the case's flags), the first raised flag's team takes the case, and the outcomes are
 * kept in `completeness` for the checklist and the receipt.
 * The draft row is locked first, so a double-clicked or replayed send waits for the first and then
 * finds its case (the draft id is the idempotency key): one send, one case.
 */
export async function receiveDraft(input: {
  draftId: string
  sessionHash: string
  def: FormDefinition
  ctx: ValidationContext
  channel?: string
  /** A kiosk's or servicecenter desk's location id (config locations). */
  location?: string
  /** Who the matter concerns, when known: BankID's person, or as staff registered it on their behalf. */
  applicant?: { personnummer?: string; name?: string; libraryCard?: string }
  /** Staff who registered the matter för en medborgares räkning (phone, visit, e-mail, letter). */
  registeredBy?: { id: string; name: string }
  /** Staff who filled in together with the citizen at a kiosk (assisted mode, issue 6); the citizen still files. */
  assistedBy?: { id: string; name: string }
  /**
   * More that must be stored with the case or not at all (a BankID signature, services/signing), run in
   * the receiving transaction once the case and its attachments are in place; throwing undoes the receipt.
   */
  within?: (tx: Tx, received: Received & { answers: Answers }) => Promise<void>
}): Promise<ReceiveResult> {
  const { draftId, sessionHash, def, ctx } = input
  const definitionHash = await storedDefinition(def)
  return sql().begin(async (tx): Promise<ReceiveResult> => {
    const [draft] = await tx<{ answers: Answers }[]>`
      select answers from drafts where id = ${draftId} and session_hash = ${sessionHash} and form_id = ${def.id} for update`
    if (!draft) {
      const [done] = await tx<Received[]>`select id, number from cases where idempotency_key = ${draftId}`
      return done ? { kind: 'received', case: done, replay: true } : { kind: 'gone' }
    }
    const check = checkSubmission(def, draft.answers, ctx)
    if (!check.complete) return { kind: 'incomplete', firstIncomplete: check.firstIncomplete! }

    // Everything is worked out before the case number is taken: from then until COMMIT the counter row is
    // locked for every other send of this e-service, so only the case row, one pipelined batch and the
    // projection happen in that window.
    const channel = input.channel ?? 'web'
    const outcomes = evaluateFlags(def, check.answers, ctx)
    const route = routeAfterFlags(def, outcomes)
    const row: Omit<CaseRow, 'number'> = {
      id: randomUUID(), formId: def.id, definition: def, answers: check.answers, applicant: input.applicant ?? null,
      locale: ctx.locale, channel, location: input.location ?? null, team: route.team,
      department: route.department ?? null, receivedAt: new Date(),
    }
    const completeness: Completeness = {
      pages: check.pages.map((p) => ({ pageId: p.pageId, ok: true })),
      ...(outcomes.length ? { flags: outcomes.map(({ routeTo: _, ...o }) => o) } : {}),
      checkedAt: row.receivedAt.toISOString(),
    }
    const flags = caseFlags(outcomes, 'sv')
    const actor = input.registeredBy ? { kind: 'staff', ...input.registeredBy } : { kind: 'citizen' }
    const received = {
      channel, municipality: municipality().id,
      ...(input.location ? { location: input.location } : {}), ...(input.registeredBy ? { onBehalf: input.registeredBy } : {}),
      ...(input.assistedBy ? { assistedBy: input.assistedBy } : {}), ...(flags.length ? { flags } : {}),
    }
    const keep = fileRefs(def, check.answers).map((r) => r.id)
    const year = Number(ctx.today.slice(0, 4))

    const insertCase = () => tx<{ number: string }[]>`
      with d as (select definition from form_definitions where hash = ${definitionHash}),
      n as (
        insert into case_number_counters (prefix, year, last) select ${def.caseNumberPrefix}, ${year}, 1 where exists (select 1 from d)
        on conflict (prefix, year) do update set last = case_number_counters.last + 1
        returning last)
      insert into cases (id, number, idempotency_key, form_id, form_version, definition, answers, completeness, locale, channel, location, applicant, team, department, received_at)
      select ${row.id}, ${def.caseNumberPrefix} || '-' || ${year} || '-' || lpad(n.last::text, 6, '0'), ${draftId}, ${def.id}, ${def.version},
             d.definition, ${tx.json(check.answers as never)}, ${tx.json(completeness)}, ${ctx.locale}, ${channel}, ${row.location},
             ${row.applicant ? tx.json(row.applicant as never) : null}, ${row.team}, ${row.department}, ${row.receivedAt}
      from d, n
      returning number`
    let [created] = await insertCase()
    if (!created) {
      // The definition row went missing under this process (a database reset): store it and take the number now.
      await tx`insert into form_definitions (hash, form_id, version, definition)
        values (${definitionHash}, ${def.id}, ${def.version}, ${tx.json(def as never)}) on conflict (hash) do nothing`
      ;[created] = await insertCase()
    }
    const c: CaseRow = { ...row, number: created!.number }
    const receivedEvent: StoredEvent = { seq: 1, type: 'received', at: row.receivedAt, actor, data: received }
    const writes = [
      keep.length ? tx`update attachments set case_id = ${c.id}, draft_id = null where draft_id = ${draftId} and id in ${tx(keep)}` : null,
      tx`insert into case_events (case_id, seq, type, actor, data, at)
        values (${c.id}, 1, 'received', ${tx.json(actor)}, ${tx.json(received)}, ${row.receivedAt})`,
      // Uploads the citizen removed or left on a question that no longer applies go with the draft.
      tx`delete from drafts where id = ${draftId}`,
      tx`update sessions set data = jsonb_set(data, '{receipts}', coalesce(data->'receipts', '[]') || ${tx.json([c.id])})
        where token_hash = ${sessionHash}`,
    ]
    if (input.within) {
      await Promise.all(writes)
      await input.within(tx, { id: c.id, number: c.number, answers: check.answers })
      await onReceived(tx, c)
    } else {
      // Nothing else can have written an event yet, so the projection goes in the same pipelined round trip.
      await Promise.all([...writes, onReceived(tx, c, [receivedEvent])])
    }
    return { kind: 'received', case: { id: c.id, number: c.number }, replay: false }
  })
}
