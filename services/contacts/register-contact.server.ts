import { pageSchema, fieldErrors, valuesFromFormData, type ValidationContext } from '#forms/kit/index.ts'
import { actorOf, whoOf, type StaffMember } from '../auth/teams.server.ts'
import { municipality } from '../config/municipality.server.ts'
import { sql } from '../db/sql.server.ts'
import type { NewEvent } from '../cases/events.ts'
import { receiveDraft } from '../cases/receive.server.ts'
import { ensureDraft, readCaller } from '../cases/register.server.ts'
import { sealDraftAnswers } from '../cases/secret-answers.server.ts'
import { contactForm } from './contact-form.server.ts'
import { CONTACT_PAGE_ID } from './definition.ts'

/**
 * What happens to a contact in the step that registers it: answered there and then ("Besvarat direkt", closed),
 * kept open with whoever took it, or forwarded to a department like any case.
 */
export const CONTACT_NEXT = ['answered', 'open', 'forward'] as const
export type ContactNext = (typeof CONTACT_NEXT)[number]

export type ContactResult =
  | { kind: 'registered'; caseId: string; number: string; next: ContactNext }
  | { kind: 'invalid'; errors: Record<string, string> }
  /** The form's idempotency key was missing or not this session's: a forged or broken post. */
  | { kind: 'bad-request' }

/**
 * Registers a contact as a case of the kind `kontakt` (ADR 032) in one step: validated with the kit's rules
 * for its definition, received like an e-service on the caller's behalf, and in the same transaction claimed
 * by the staff member and closed as answered at first contact, or forwarded. A double-clicked submit finds
 * the first case: the form's draft id is receiving's idempotency key.
 */
export async function registerContact(input: {
  member: StaffMember
  sessionHash: string
  form: FormData
  ctx: ValidationContext
}): Promise<ContactResult> {
  const { form, member } = input
  const def = contactForm()
  const caller = readCaller(form, false, input.ctx.today)
  const errors: Record<string, string> = { ...caller.errors }
  const next = String(form.get('_next') ?? '') as ContactNext
  if (!CONTACT_NEXT.includes(next)) errors._next = 'Välj vad som händer med kontakten'
  const department = String(form.get('_department') ?? '')
  if (next === 'forward' && !municipality().departments.some((d) => d.id === department)) errors._department = 'Välj förvaltning att vidarebefordra till'

  const answers = valuesFromFormData(def.pages[0]!, form)
  const checked = pageSchema(def, CONTACT_PAGE_ID, input.ctx, { answers }).safeParse(answers)
  if (!checked.success) for (const [k, v] of Object.entries(fieldErrors(checked.error))) errors[k] ??= v
  if (next === 'answered' && !String(answers.answer ?? '').trim()) errors.answer ??= 'Skriv vilket svar du gav, eller välj att hålla kontakten öppen'
  if (Object.keys(errors).length) return { kind: 'invalid', errors }

  const draftId = String(form.get('_draft') ?? '')
  const draft = await ensureDraft(draftId, input.sessionHash, def)
  if (!draft) return { kind: 'bad-request' }
  if ('received' in draft) return { kind: 'registered', caseId: draft.received.id, number: draft.received.number, next }
  await sql()`update drafts set answers = ${sql().json(sealDraftAnswers(draftId, def, answers) as never)}, updated_at = now() where id = ${draftId}`

  const me = { id: member.id, name: member.name }
  const events: NewEvent[] = [{ type: 'claimed', data: { assignee: me } }]
  if (next === 'answered') events.push({ type: 'closed', data: { outcome: 'answered', atFirstContact: true } })
  if (next === 'forward') events.push({ type: 'forwarded', data: { department, note: '' } })
  const { personnummer, name } = caller
  const r = await receiveDraft({
    draftId, sessionHash: input.sessionHash, def, ctx: input.ctx, channel: caller.channel, location: caller.location,
    applicant: personnummer ? { personnummer, name } : name ? { name } : undefined,
    registeredBy: me,
    followUps: { events, actor: actorOf(member), who: whoOf(member) },
  })
  if (r.kind === 'received') return { kind: 'registered', caseId: r.case.id, number: r.case.number, next }
  if (r.kind === 'gone') return { kind: 'bad-request' }
  return { kind: 'invalid', errors: { _form: 'Kontakten kunde inte registreras. Kontrollera uppgifterna och försök igen.' } }
}
