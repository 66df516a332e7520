import {
  caseFlags, checkSubmission, evaluateFlags, routeAfterFlags, type Answers, type FileRef, type FlagOutcome, type FormDefinition, type ValidationContext,
} from '../../forms/kit/index.ts'
import { sql, type Tx } from '../db/sql.server.ts'
import { municipality } from '../config/municipality.server.ts'
import { nextCaseNumber } from './numbers.server.ts'
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
  return sql().begin(async (tx): Promise<ReceiveResult> => {
    const [draft] = await tx<{ answers: Answers }[]>`
      select answers from drafts where id = ${draftId} and session_hash = ${sessionHash} and form_id = ${def.id} for update`
    if (!draft) {
      const [done] = await tx<Received[]>`select id, number from cases where idempotency_key = ${draftId}`
      return done ? { kind: 'received', case: done, replay: true } : { kind: 'gone' }
    }
    const check = checkSubmission(def, draft.answers, ctx)
    if (!check.complete) return { kind: 'incomplete', firstIncomplete: check.firstIncomplete! }

    const year = Number(ctx.today.slice(0, 4))
    const number = await nextCaseNumber(tx, def.caseNumberPrefix, year)
    const outcomes = evaluateFlags(def, check.answers, ctx)
    const route = routeAfterFlags(def, outcomes)
    const completeness: Completeness = {
      pages: check.pages.map((p) => ({ pageId: p.pageId, ok: true })),
      ...(outcomes.length ? { flags: outcomes.map(({ routeTo: _, ...o }) => o) } : {}),
      checkedAt: new Date().toISOString(),
    }
    const flags = caseFlags(outcomes, 'sv')
    const [created] = await tx<Received[]>`
      insert into cases (number, idempotency_key, form_id, form_version, definition, answers, completeness, locale, channel, location, applicant, team, department)
      values (${number}, ${draftId}, ${def.id}, ${def.version}, ${tx.json(def as never)}, ${tx.json(check.answers as never)},
              ${tx.json(completeness)}, ${ctx.locale}, ${input.channel ?? 'web'}, ${input.location ?? null},
              ${input.applicant ? tx.json(input.applicant) : null}, ${route.team}, ${route.department ?? null})
      returning id, number`
    const keep = fileRefs(def, check.answers).map((r) => r.id)
    if (keep.length)
      await tx`update attachments set case_id = ${created!.id}, draft_id = null where draft_id = ${draftId} and id in ${tx(keep)}`
    const actor = input.registeredBy ? { kind: 'staff', ...input.registeredBy } : { kind: 'citizen' }
    await tx`insert into case_events (case_id, seq, type, actor, data)
      values (${created!.id}, 1, 'received', ${tx.json(actor)}, ${tx.json({
        channel: input.channel ?? 'web', municipality: municipality().id,
        ...(input.location ? { location: input.location } : {}), ...(input.registeredBy ? { onBehalf: input.registeredBy } : {}),
        ...(input.assistedBy ? { assistedBy: input.assistedBy } : {}), ...(flags.length ? { flags } : {}),
      })})`
    // Uploads the citizen removed or left on a question that no longer applies go with the draft.
    await tx`delete from drafts where id = ${draftId}`
    await tx`update sessions set data = jsonb_set(data, '{receipts}', coalesce(data->'receipts', '[]') || ${tx.json([created!.id])})
      where token_hash = ${sessionHash}`
    if (input.within) await input.within(tx, { ...created!, answers: check.answers })
    await onReceived(tx, created!.id)
    return { kind: 'received', case: created!, replay: false }
  })
}
