import {
  checkSubmission, fieldErrors, formatPersonnummer, normalisePersonnummer, pageSchema, valuesFromFormData, visiblePages,
  type Answers, type FileField, type FileRef, type FormDefinition, type ValidationContext,
} from '#forms/kit/index.ts'
import { actorOf, whoOf, type StaffMember } from '../auth/teams.server.ts'
import { sql } from '../db/sql.server.ts'
import { callerFields } from './caller-fields.ts'
import { openDraftAnswers, sealDraftAnswers } from './secret-answers.server.ts'
import { receiveDraft, type Received } from './receive.server.ts'
import { storeUploads } from './uploads.server.ts'
import { UUID } from './queries.server.ts'

/** How a matter registered by staff reached them (issue 5). */
export const ASSISTED_CHANNELS = ['phone', 'visit', 'email', 'letter'] as const
export type AssistedChannel = (typeof ASSISTED_CHANNELS)[number]

export type RegisterResult =
  | { kind: 'received'; caseId: string; number: string }
  | { kind: 'invalid'; errors: Record<string, string>; values: Answers; files: Record<string, FileRef[]> }

const DRAFT_DAYS = 1

/**
 * A draft owned by the staff member's session under an id the form carried from the start, so a
 * double-clicked "Registrera" finds the case the first click made (the id is receiving's idempotency key).
 * A submit repeated after the first one's case exists gets that case (`received`), not a second draft.
 * Null for a missing or foreign id.
 */
export async function ensureDraft(id: string, sessionHash: string, def: FormDefinition): Promise<{ answers: Answers } | { received: Received } | null> {
  if (!UUID.test(id)) return null
  const [done] = await sql()<Received[]>`select id, number from cases where idempotency_key = ${id}`
  if (done) return { received: done }
  await sql()`insert into drafts (id, session_hash, form_id, form_version, expires_at)
    values (${id}, ${sessionHash}, ${def.id}, ${def.version}, now() + make_interval(days => ${DRAFT_DAYS}::int))
    on conflict (id) do nothing`
  const [row] = await sql()<{ answers: Answers }[]>`select answers from drafts where id = ${id} and session_hash = ${sessionHash}`
  return row ? { answers: openDraftAnswers(id, row.answers) } : null
}

export type Caller = {
  channel: string
  location?: string
  /** 12 digits, as the kit stores a checked personnummer. */
  personnummer?: string
  name: string
  errors: Record<string, string>
}

/**
 * How the matter reached staff and who the caller is, from the register forms' own inputs (`_channel`,
 * `_location`, `_personnummer`, `_name`), with the messages staff see beside them. `pnrRequired`: the matter
 * needs a known person (an e-service with BankID). A personnummer without a name is refused: a case on
 * someone's Mina sidor must say whose it is.
 */
export function readCaller(form: FormData, pnrRequired: boolean, today: string): Caller {
  const errors: Record<string, string> = {}
  const channel = String(form.get('_channel') ?? '')
  if (!(ASSISTED_CHANNELS as readonly string[]).includes(channel)) errors._channel = 'Välj hur ärendet kom in'
  const location = String(form.get('_location') ?? '').trim() || undefined
  const pnrRaw = String(form.get('_personnummer') ?? '').trim()
  const name = String(form.get('_name') ?? '').trim().slice(0, 200)
  let personnummer: string | undefined
  if (pnrRaw) {
    // The kit's reading, so a caller's number is read the way the e-service's own question reads it (the
    // century of a 10-digit number from the case's `today`, samordningsnummer allowed).
    const read = normalisePersonnummer(pnrRaw, today, { allowSamordningsnummer: true })
    if (read.ok) personnummer = read.value
    else errors._personnummer = 'Skriv personnumret som ÅÅÅÅMMDD-NNNN'
  } else if (pnrRequired) errors._personnummer = 'Skriv medborgarens personnummer'
  if (personnummer && !name) errors._name = 'Skriv medborgarens namn'
  return { channel, location, personnummer, name, errors }
}

/** A personnummer answer (12 digits, as the kit stores it once checked) written as the applicant's, YYYYMMDD-NNNN. */
const pnrOf = (v: unknown) => (typeof v === 'string' && /^\d{12}$/.test(v) ? formatPersonnummer(v) : undefined)

/**
 * Registers a matter för en medborgares räkning: staff fill in the whole e-service on one page for a
 * citizen who phoned, visited, e-mailed or wrote. The same kit rules as the citizen's own filing
 * decide completeness; the case records the channel, the citizen (when known) and the staff member, and
 * lands claimed by whoever registered it (they took the call and know the matter).
 * Where the e-service asks the caller's name or personnummer itself (callerFields), that question is the only
 * one: the register form leaves out its own, and the applicant is read from the answer.
 */
export async function registerOnBehalf(input: {
  member: StaffMember
  sessionHash: string
  def: FormDefinition
  form: FormData
  ctx: ValidationContext
}): Promise<RegisterResult> {
  const { def, form, member } = input
  const own = callerFields(def)
  const caller = readCaller(form, def.identification === 'bankid' && !own.personnummer, input.ctx.today)
  const { errors, channel, location } = caller
  if (own.name) delete errors._name

  const draftId = String(form.get('_draft') ?? '')
  const draft = await ensureDraft(draftId, input.sessionHash, def)
  if (!draft) throw new Error('registerOnBehalf: missing or foreign draft id')
  if ('received' in draft) return { kind: 'received', caseId: draft.received.id, number: draft.received.number }

  // Every page's answers from the one form; files are stored on the draft first so they survive errors.
  let answers: Answers = { ...draft.answers }
  for (const page of def.pages) Object.assign(answers, valuesFromFormData(page, form))
  const files: Record<string, FileRef[]> = {}
  for (const field of def.pages.flatMap((p) => p.fields).filter((f): f is FileField => f.kind === 'file')) {
    const chosen = form.getAll(field.id).filter((f): f is File => typeof f !== 'string' && f.size > 0)
    const existing = (draft.answers[field.id] as FileRef[] | undefined) ?? []
    const stored = await storeUploads({ draftId, field, files: chosen, existing, keepMetadata: false, locale: 'sv' })
    if (stored.error) errors[field.id] = stored.error
    answers[field.id] = files[field.id] = stored.refs
  }
  await sql()`update drafts set answers = ${sql().json(sealDraftAnswers(draftId, def, answers) as never)}, updated_at = now() where id = ${draftId}`

  const check = checkSubmission(def, answers, input.ctx)
  if (!check.complete) {
    for (const page of visiblePages(def, answers)) {
      const raw: Answers = {}
      for (const f of page.fields) raw[f.id] = answers[f.id]
      const r = pageSchema(def, page.id, input.ctx, { answers }).safeParse(raw)
      if (!r.success) for (const [k, v] of Object.entries(fieldErrors(r.error))) errors[k] ??= v
    }
  }
  // Asked once, in the e-service's own field: a case on someone's Mina sidor must still say whose it is.
  if (own.name && caller.personnummer && !String(answers[own.name] ?? '').trim()) errors[own.name] ??= 'Skriv medborgarens namn'
  if (Object.keys(errors).length) return { kind: 'invalid', errors, values: answers, files }
  answers = check.answers

  const personnummer = own.personnummer ? pnrOf(answers[own.personnummer]) : caller.personnummer
  const name = own.name ? String(answers[own.name] ?? '').trim() : caller.name
  const r = await receiveDraft({
    draftId, sessionHash: input.sessionHash, def, ctx: input.ctx, channel, location,
    applicant: personnummer ? { personnummer, name } : name ? { name } : undefined,
    registeredBy: { id: member.id, name: member.name },
    followUps: { events: [{ type: 'claimed', data: { assignee: { id: member.id, name: member.name } } }], actor: actorOf(member), who: whoOf(member) },
  })
  if (r.kind === 'received') return { kind: 'received', caseId: r.case.id, number: r.case.number }
  return { kind: 'invalid', errors: { _form: 'Ärendet kunde inte registreras. Kontrollera uppgifterna och försök igen.' }, values: answers, files }
}
