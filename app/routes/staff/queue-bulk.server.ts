import { data } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { actorOf, listStaff, requireMember, SERVICECENTER_ROLES, whoOf } from '#services/auth/teams.server.ts'
import { appendEvent } from '#services/cases/append.server.ts'
import { openCase } from '#services/cases/case-view.server.ts'
import { parseCommand } from '#services/cases/commands.ts'
import { UUID } from '#services/cases/queries.server.ts'
import { commandContext } from './case-data.server.ts'
import { BULK_CASE_FIELD, BULK_INTENTS, BULK_MAX, type BulkActionData, type BulkIntent, type BulkLine } from './queue-bulk.ts'

const isBulkIntent = (v: unknown): v is BulkIntent => typeof v === 'string' && (BULK_INTENTS as readonly string[]).includes(v)

/** `<case id>:<seq>` per ticked row: the seq is the version the queue showed, for the optimistic check. */
function targetsOf(form: FormData): { caseId: string; seq: number }[] | null {
  const seen = new Map<string, number>()
  for (const raw of form.getAll(BULK_CASE_FIELD)) {
    const m = typeof raw === 'string' ? /^([0-9a-f-]{36}):(\d{1,9})$/i.exec(raw) : null
    if (!m || !UUID.test(m[1]!)) return null
    seen.set(m[1]!.toLowerCase(), Number(m[2]))
  }
  return [...seen].map(([caseId, seq]) => ({ caseId, seq }))
}

/** The bulk form's own checks, before any case is touched; the texts sit beside the fields and in the summary. */
function formErrors(intent: BulkIntent, form: FormData, count: number): Record<string, string> {
  const errors: Record<string, string> = {}
  if (count === 0) errors[BULK_CASE_FIELD] = 'Markera minst ett ärende i listan'
  else if (count > BULK_MAX) errors[BULK_CASE_FIELD] = `Markera högst ${BULK_MAX} ärenden åt gången`
  if (intent === 'reassign' && !String(form.get('team') ?? '').trim()) errors.team = 'Välj vilket team ärendena ska flyttas till'
  return errors
}

/**
 * One action on several cases from the queue (issue 11): claim, release, move to a team, forward to a
 * department with one note, or close with one outcome. Each case goes through exactly what its case page does — parseCommand, then appendEvent with the
 * seq the queue showed — so each gets its own event in its own transaction, the guard refuses case by case,
 * and a case someone changed since the queue was shown is reported as changed and left as it is.
 */
export async function bulkAction(request: Request) {
  const member = await requireMember(request, SERVICECENTER_ROLES)
  const form = await readForm(request)
  const intent = form.get('intent')
  if (!isBulkIntent(intent)) throw data(null, { status: 400 })
  const targets = targetsOf(form)
  if (!targets) throw data(null, { status: 400 })
  const field = (name: string) => String(form.get(name) ?? '')
  const values = { team: field('team'), outcome: field('outcome'), department: field('department'), forwardNote: field('forwardNote') }
  const refuse = (errors: Record<string, string>) => data<BulkActionData>({ intent, values, errors, ticked: targets.map((t) => t.caseId) }, { status: 400 })
  const early = formErrors(intent, form, targets.length)
  if (Object.keys(early).length) return refuse(early)

  const staff = (await listStaff({ roles: SERVICECENTER_ROLES })).map((s) => ({ id: s.id, name: s.name }))
  const done: BulkLine[] = []
  const stale: BulkLine[] = []
  const refused: (BulkLine & { reason: string })[] = []
  let missing = 0
  for (const t of targets) {
    const v = await openCase(member, t.caseId, { audit: false })
    if (!v) {
      missing++
      continue
    }
    const parsed = parseCommand(intent, form, await commandContext(member, v, staff))
    // The texts checked do not depend on the case: a problem with them is the form's, before anything is written.
    if ('errors' in parsed) {
      if (done.length === 0 && stale.length === 0 && refused.length === 0) return refuse(parsed.errors)
      refused.push({ id: t.caseId, number: v.case.number, reason: Object.values(parsed.errors).join(' ') })
      continue
    }
    const r = await appendEvent({ caseId: t.caseId, expectedSeq: t.seq, event: parsed.event, actor: actorOf(member), who: whoOf(member) })
    const line = { id: t.caseId, number: v.case.number }
    if (r.kind === 'ok') done.push(line)
    else if (r.kind === 'stale') stale.push(line)
    else if (r.kind === 'refused') refused.push({ ...line, reason: r.reason })
    else missing++
  }
  return data<BulkActionData>({ intent, values, result: { done, stale, refused, missing } })
}
