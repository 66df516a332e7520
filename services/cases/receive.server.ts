import { checkSubmission, type Answers, type FileRef, type FormDefinition, type ValidationContext } from '../../forms/kit/index.ts'
import { sql } from '../db/sql.server.ts'
import { municipality } from '../config/municipality.server.ts'
import { nextCaseNumber } from './numbers.server.ts'

export type Received = { id: string; number: string }
export type ReceiveResult =
  | { kind: 'received'; case: Received; replay: boolean }
  | { kind: 'incomplete'; firstIncomplete: string }
  | { kind: 'gone' }

const fileRefs = (def: FormDefinition, answers: Answers): FileRef[] =>
  def.pages.flatMap((p) => p.fields).filter((f) => f.kind === 'file').flatMap((f) => (answers[f.id] as FileRef[] | undefined) ?? [])

/**
 * Turns a draft into a received case in one transaction: the completeness check on the stored answers,
 * a case number, the answers with a snapshot of the definition, its attachments, the 'received' event.
 * The draft row is locked first, so a double-clicked or replayed send waits for the first and then
 * finds its case (the draft id is the idempotency key): one send, one case.
 */
export async function receiveDraft(input: {
  draftId: string
  sessionHash: string
  def: FormDefinition
  ctx: ValidationContext
  channel?: string
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
    const completeness = { pages: check.pages.map((p) => ({ pageId: p.pageId, ok: true })), checkedAt: new Date().toISOString() }
    const [created] = await tx<Received[]>`
      insert into cases (number, idempotency_key, form_id, form_version, definition, answers, completeness, locale, channel, team, department)
      values (${number}, ${draftId}, ${def.id}, ${def.version}, ${tx.json(def as never)}, ${tx.json(check.answers as never)},
              ${tx.json(completeness)}, ${ctx.locale}, ${input.channel ?? 'web'}, ${def.routing.team}, ${def.routing.department ?? null})
      returning id, number`
    const keep = fileRefs(def, check.answers).map((r) => r.id)
    if (keep.length)
      await tx`update attachments set case_id = ${created!.id}, draft_id = null where draft_id = ${draftId} and id in ${tx(keep)}`
    await tx`insert into case_events (case_id, seq, type, actor, data)
      values (${created!.id}, 1, 'received', ${tx.json({ kind: 'citizen' })}, ${tx.json({ channel: input.channel ?? 'web', municipality: municipality().id })})`
    // Uploads the citizen removed or left on a question that no longer applies go with the draft.
    await tx`delete from drafts where id = ${draftId}`
    await tx`update sessions set data = jsonb_set(data, '{receipts}', coalesce(data->'receipts', '[]') || ${tx.json([created!.id])})
      where token_hash = ${sessionHash}`
    return { kind: 'received', case: created!, replay: false }
  })
}
