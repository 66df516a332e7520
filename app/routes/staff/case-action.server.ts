import { data, redirect } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { actorOf, requireMember, whoOf } from '#services/auth/teams.server.ts'
import { appendEvent } from '#services/cases/append.server.ts'
import { openCase } from '#services/cases/case-view.server.ts'
import { isIntent, parseCommand, type Intent } from '#services/cases/commands.ts'
import { UUID } from '#services/cases/queries.server.ts'
import { decisionInputOf, decisionLetterContent } from '#services/pdf/decision.server.ts'
import type { LetterContent } from '#services/pdf/letter-content.ts'
import { allowedIntents, commandContext } from './case-data.server.ts'

export type CaseActionData = {
  intent: Intent
  /** Typed values, so a refused or failed post loses nothing. */
  values: Record<string, string | string[]>
  errors?: Record<string, string>
  /** Someone else changed the case first: the page shows the fresh case and this notice. */
  stale?: boolean
  refused?: string
  /** "Förhandsgranska beslutsbrevet": the letter as the typed decision would make it; nothing was decided. */
  preview?: LetterContent
}

function valuesOf(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of form) {
    if (k === '_csrf' || typeof v !== 'string') continue
    const prev = out[k]
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
  }
  return out
}

/**
 * Every action on the case page: parse the post into an event, then append it with the seq the page was
 * rendered with. Success redirects (a reload never repeats an action); a stale seq or a refusal answers
 * 409 with the typed values, and the page reloads the case around them.
 */
export async function caseAction(request: Request, caseId: string) {
  const member = await requireMember(request)
  const form = await readForm(request)
  const intent = form.get('intent')
  if (!isIntent(intent) && intent !== 'preview') throw data(null, { status: 400 })
  const v = await openCase(member, caseId, { audit: false })
  if (!v) throw data(null, { status: 404 })
  const values = valuesOf(form)
  if (intent === 'preview') {
    // Only someone who may decide now sees a preview, checked like the decision itself.
    if (!allowedIntents(member, v).includes('decide')) return data<CaseActionData>({ intent: 'decide', values, refused: 'Du kan inte fatta beslut i ärendet just nu.' }, { status: 409 })
    const parsed = parseCommand('decide', form, await commandContext(member, v))
    if ('errors' in parsed) return data<CaseActionData>({ intent: 'decide', values, errors: parsed.errors }, { status: 400 })
    if (parsed.event.type !== 'decided') throw data(null, { status: 400 })
    const preview = decisionLetterContent(decisionInputOf(parsed.event.data, v.case, new Date(), member.name))
    return data<CaseActionData>({ intent: 'decide', values, preview })
  }
  const parsed = parseCommand(intent, form, await commandContext(member, v))
  if ('errors' in parsed) return data<CaseActionData>({ intent, values, errors: parsed.errors }, { status: 400 })
  const seq = Number(form.get('seq'))
  const r = await appendEvent({
    caseId, expectedSeq: Number.isInteger(seq) ? seq : -1, event: parsed.event, actor: actorOf(member), who: whoOf(member),
  })
  if (r.kind === 'not-found') throw data(null, { status: 404 })
  if (r.kind === 'stale') return data<CaseActionData>({ intent, values, stale: true }, { status: 409 })
  if (r.kind === 'refused') return data<CaseActionData>({ intent, values, refused: r.reason }, { status: 409 })
  // A department that returned a case, or closed it, may no longer need it open; the queue is where it goes next.
  if (member.role === 'forvaltning' && intent === 'return') throw redirect('/servicecenter?vy=nya')
  // Back at the result (the action panel's top), not the page's top: the place is kept without JavaScript too,
  // and a file open in the viewer stays open.
  const back = new URLSearchParams({ meddelande: intent })
  const viewing = new URL(request.url).searchParams.get('bilaga')
  if (viewing && UUID.test(viewing)) back.set('bilaga', viewing)
  throw redirect(`/servicecenter/arenden/${caseId}?${back}#resultat`)
}
