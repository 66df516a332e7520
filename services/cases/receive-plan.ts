import { randomUUID } from 'node:crypto'
import {
  caseFlags, evaluateFlags, routeAfterFlags, type Answers, type Completeness as Checked, type FileRef, type FlagOutcome, type FormDefinition,
  type ValidationContext,
} from '#forms/kit/index.ts'
import type { NewEvent, StaffActor, StoredEvent } from './events.ts'
import type { Who } from './guards.ts'
import type { CaseRow } from './projection.server.ts'

/**
 * What the automatic checks found when the case came in (cases.completeness): every page that applied
 * passed, and each eligibility flag's status with its texts, so the staff checklist and the citizen's
 * receipt read the same findings later without evaluating again against settings that may have changed.
 */
export type ReceiptFindings = {
  pages: { pageId: string; ok: boolean }[]
  flags?: Omit<FlagOutcome, 'routeTo'>[]
  checkedAt: string
}

/**
 * Events staff file in the very step that registers a case (a caller's case lands claimed by whoever took
 * the call; a contact answered on the spot is closed too), written with the receipt after its 'received'
 * event (receipt-follow-ups.server.ts). No citizen e-mail is queued for them: the caller heard the answer.
 */
export type FollowUps = { events: readonly NewEvent[]; actor: StaffActor; who: Who }

export type ReceiveInput = {
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
  /** Events staff file with the case as they register it: see FollowUps. */
  followUps?: FollowUps
}

/** Everything a receipt writes, worked out before any lock is taken; only the case number is left to take. */
export type ReceiptPlan = {
  row: Omit<CaseRow, 'number'>
  completeness: ReceiptFindings
  actor: Record<string, unknown>
  receivedEvent: StoredEvent
  /** Attachments the answers refer to; the rest go with the draft. */
  keep: string[]
  year: number
}

const fileRefs = (def: FormDefinition, answers: Answers): FileRef[] =>
  def.pages.flatMap((p) => p.fields).filter((f) => f.kind === 'file').flatMap((f) => (answers[f.id] as FileRef[] | undefined) ?? [])

/**
 * Eligibility flags never reject: raised and unjudged ones go on the 'received' event (so the projection
 * folds them into the case's flags), the first raised flag's team takes the case, and the outcomes are
 * kept in `completeness` for the checklist and the receipt.
 */
export function planReceipt(input: ReceiveInput, check: Checked, municipalityId: string): ReceiptPlan {
  const { def, ctx } = input
  const channel = input.channel ?? 'web'
  const outcomes = evaluateFlags(def, check.answers, ctx)
  const route = routeAfterFlags(def, outcomes)
  const receivedAt = new Date()
  const row: Omit<CaseRow, 'number'> = {
    id: randomUUID(), formId: def.id, definition: def, answers: check.answers, applicant: input.applicant ?? null,
    locale: ctx.locale, channel, location: input.location ?? null, team: route.team, department: route.department ?? null, receivedAt,
  }
  const completeness: ReceiptFindings = {
    pages: check.pages.map((p) => ({ pageId: p.pageId, ok: true })),
    ...(outcomes.length ? { flags: outcomes.map(({ routeTo: _, ...o }) => o) } : {}),
    checkedAt: receivedAt.toISOString(),
  }
  const flags = caseFlags(outcomes, 'sv')
  const actor = input.registeredBy ? { kind: 'staff', ...input.registeredBy } : { kind: 'citizen' }
  const data = {
    channel, municipality: municipalityId,
    ...(input.location ? { location: input.location } : {}), ...(input.registeredBy ? { onBehalf: input.registeredBy } : {}),
    ...(input.assistedBy ? { assistedBy: input.assistedBy } : {}), ...(flags.length ? { flags } : {}),
  }
  return {
    row, completeness, actor, receivedEvent: { seq: 1, type: 'received', at: receivedAt, actor, data },
    keep: fileRefs(def, check.answers).map((r) => r.id), year: Number(ctx.today.slice(0, 4)),
  }
}
