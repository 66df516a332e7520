import { checkSubmission, type Answers, type FileRef, type FormDefinition, type Locale, type ValidationContext } from '#forms/kit/index.ts'
import type { Person } from '../auth/session.server.ts'
import { refuseCompleted, recordCase, takeCompleted, type SignContent, type StoredOrder } from '../bankid/orders.server.ts'
import { receiveDraft } from '../cases/receive.server.ts'
import { sql, type Sql, type Tx } from '../db/sql.server.ts'
import { contentHash, nonVisibleData, type SignedAttachment } from './content-hash.server.ts'
import { signatureCte } from './signatures.server.ts'
import { signingText } from './visible-text.ts'
import { log } from '../log/logger.server.ts'

// Signing an application with BankID (issue 3): prepare what is signed from the stored draft, and once
// BankID says complete, receive the case with the signature in the same transaction — only if the right
// person signed and the answers are still exactly what was signed.

const fileRefs = (def: FormDefinition, answers: Answers): FileRef[] =>
  def.pages.flatMap((p) => p.fields).filter((f) => f.kind === 'file').flatMap((f) => (answers[f.id] as FileRef[] | undefined) ?? [])

async function attachmentsOf(db: Sql | Tx, draftId: string, ids: string[]): Promise<SignedAttachment[]> {
  if (ids.length === 0) return []
  // Narrowed to the transaction's call signature: both are the same tagged template underneath.
  const q = db as Tx
  return q<SignedAttachment[]>`
    select id, field_id as "fieldId", file_name as name, sha256 from attachments where draft_id = ${draftId} and id in ${q(ids)} order by id`
}

export type Prepared = { ok: true; content: SignContent } | { ok: false; firstIncomplete: string }

/** What the citizen will sign: the text for the app and the hash of the answers and attachments. */
export async function prepareSigning(input: {
  def: FormDefinition
  draftId: string
  answers: Answers
  person: Person
  ctx: ValidationContext
  organisation: string
  locale: Locale
}): Promise<Prepared> {
  const { def, person } = input
  const check = checkSubmission(def, input.answers, input.ctx)
  if (!check.complete) return { ok: false, firstIncomplete: check.firstIncomplete! }
  const refs = fileRefs(def, check.answers)
  const attachments = await attachmentsOf(sql(), input.draftId, refs.map((r) => r.id))
  const hash = contentHash({ formId: def.id, formVersion: def.version, signer: person.personnummer, answers: check.answers, attachments })
  const visibleText = signingText({
    def, answers: check.answers, person, organisation: input.organisation, locale: input.locale, attachmentNames: refs.map((r) => r.name),
  })
  return {
    ok: true,
    content: { draftId: input.draftId, formId: def.id, signer: person.personnummer, visibleText, nonVisibleData: nonVisibleData(hash), contentHash: hash },
  }
}

export type SignOutcome =
  | { kind: 'received'; caseId: string; number: string }
  /** Someone other than the logged-in person signed: nothing is sent. */
  | { kind: 'wrongSigner' }
  /** The answers or files changed after signing started (another tab): sign again. */
  | { kind: 'answersChanged' }
  | { kind: 'incomplete'; firstIncomplete: string }
  /** The draft is gone and no case came from it. */
  | { kind: 'gone' }
  /** Another request is already acting on this signature. */
  | { kind: 'busy' }

/** Where a signed case was filed; the signer is the applicant, so nothing else a kiosk knows applies. */
export type FiledAt = { channel?: string; location?: string; assistedBy?: { id: string; name: string } }

class AnswersChanged extends Error {}

/**
 * Acts on a completed /sign order exactly once: checks the signer, receives the draft as a case with
 * the applicant and keeps the signature with it. A replayed poll after that finds the same case.
 */
export async function completeSigning(input: {
  order: StoredOrder; person: Person; sessionHash: string; def: FormDefinition; ctx: ValidationContext
  /** Where it was filed, when not on the web: a kiosk's channel, location and assisting staff (services/kiosk/cases.server.ts). */
  filedAt?: FiledAt
}): Promise<SignOutcome> {
  const { order, person, def } = input
  if (order.caseId) return received(order.caseId)
  const completion = order.completion
  if (order.status !== 'complete' || !completion || !order.draftId || order.formId !== def.id) return { kind: 'gone' }
  const signer = completion.user.personalNumber
  if (signer !== person.personnummer || signer !== order.signerPersonnummer) {
    log.warn({ order: order.id }, 'BankID signature by another person than the logged-in one: refused')
    await refuseCompleted(order.id, 'wrongSigner')
    return { kind: 'wrongSigner' }
  }
  if (order.flow === 'autostart' && completion.device.ipAddress !== order.endUserIp)
    log.warn({ order: order.id }, "BankID signature: the app's address differs from the browser's")
  const taken = await takeCompleted(order.id)
  if (!taken) return { kind: 'busy' }
  try {
    const result = await receiveDraft({
      draftId: order.draftId,
      sessionHash: input.sessionHash,
      def,
      ctx: input.ctx,
      applicant: { personnummer: person.personnummer, name: person.name },
      channel: input.filedAt?.channel, location: input.filedAt?.location, assistedBy: input.filedAt?.assistedBy,
      // Checked inside the receiving transaction, on the locked draft's answers and files, before anything is written.
      writes: [async ({ tx, plan }) => {
        const answers = plan.row.answers
        const attachments = await attachmentsOf(tx, order.draftId!, fileRefs(def, answers).map((r) => r.id))
        const now = contentHash({ formId: def.id, formVersion: def.version, signer, answers, attachments })
        if (now !== order.contentHash) throw new AnswersChanged()
        return [signatureCte(tx, {
          orderId: order.id, orderRef: order.orderRef, completion,
          visibleText: order.visibleText!, nonVisibleData: order.nonVisibleData!, contentHash: now,
        })]
      }],
    })
    if (result.kind === 'received') {
      await recordCase(order.id, result.case.id)
      return { kind: 'received', caseId: result.case.id, number: result.case.number }
    }
    await refuseCompleted(order.id, result.kind)
    return result
  } catch (e) {
    await refuseCompleted(order.id, e instanceof AnswersChanged ? 'answersChanged' : 'receiveFailed').catch(() => {})
    if (e instanceof AnswersChanged) return { kind: 'answersChanged' }
    throw e
  }
}

async function received(caseId: string): Promise<SignOutcome> {
  const [row] = await sql()<{ number: string }[]>`select number from cases where id = ${caseId}`
  return row ? { kind: 'received', caseId, number: row.number } : { kind: 'gone' }
}
