import { CLOSE_OUTCOMES, type CloseOutcome, type DecisionLetter, type NewEvent } from './events.ts'
import type { ChecklistItem } from './checklist.ts'
import type { FormDefinition } from '#forms/kit/index.ts'

/** What a staff action form may post (the `intent` button's value). */
export const INTENTS = [
  'claim', 'release', 'reassign', 'note', 'check', 'flag', 'unflag', 'supplement', 'forward', 'accept', 'return',
  'outcome', 'decide', 'close', 'reopen', 'message',
] as const
export type Intent = (typeof INTENTS)[number]
export const isIntent = (v: unknown): v is Intent => typeof v === 'string' && (INTENTS as readonly string[]).includes(v)

export type CommandContext = {
  definition: FormDefinition
  checklist: ChecklistItem[]
  /** Today in the municipality (YYYY-MM-DD). */
  today: string
  departments: string[]
  teams: string[]
  /** Staff a team lead may assign to. */
  staff: { id: string; name: string }[]
  /** Who acts, for a claim. */
  me: { id: string; name: string }
  letter: DecisionLetter
  /** How the citizen can be reached: an e-mail address is known; a postal address is known (a letter can go). */
  reach: { email: boolean; postal: boolean }
}

export type Parsed = { event: NewEvent } | { errors: Record<string, string> }

export const FLAGS: Record<string, string> = {
  urgent: 'Brådskande', eligibility: 'Uppfyller kanske inte villkoren', incomplete: 'Ofullständigt',
  confidential: 'Sekretess', other: 'Annat',
}
export const TEXT_MAX = 4000
/** How a manual check item is marked: done, missing, or not applicable to this case. */
export const CHECK_MARKS = ['ja', 'nej', 'ej-aktuellt'] as const
export const CHECK_COMMENT_MAX = 500
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

const text = (form: FormData, name: string) => String(form.get(name) ?? '').replace(/\r\n/g, '\n').trim()

/**
 * "Skicka som brev": offered only where no e-mail reaches the citizen and a postal address is known (ADR 034).
 * A post asking for a letter where none can go is refused with the reason, next to the choice.
 */
function delivery(form: FormData, ctx: CommandContext, errors: Record<string, string>): { delivery?: 'letter' } {
  if (text(form, 'delivery') !== 'letter') return {}
  if (ctx.reach.email) errors.delivery = 'Medborgaren får det här med e-post. Ett brev behövs inte'
  else if (!ctx.reach.postal) errors.delivery = 'Det finns ingen postadress i ärendet, så det går inte att skicka brev'
  return { delivery: 'letter' }
}

function required(errors: Record<string, string>, name: string, value: string, message: string, max = TEXT_MAX) {
  if (!value) errors[name] = message
  else if (value.length > max) errors[name] = `Texten får ha högst ${max} tecken`
}

/**
 * Turns a posted staff action into the event it asks for, or messages per field in the wording the
 * error summary shows. Pure: whether the event may be appended now is the guard's question, asked in
 * the appending transaction (./guards.ts).
 */
export function parseCommand(intent: Intent, form: FormData, ctx: CommandContext): Parsed {
  const errors: Record<string, string> = {}
  const done = (event: NewEvent): Parsed => (Object.keys(errors).length ? { errors } : { event })
  switch (intent) {
    case 'claim':
      return done({ type: 'claimed', data: { assignee: ctx.me } })
    case 'release':
      return done({ type: 'released', data: {} })
    case 'accept':
      return done({ type: 'accepted', data: {} })
    case 'reassign': {
      const to = text(form, 'assignee')
      const team = text(form, 'team')
      const person = ctx.staff.find((s) => s.id === to)
      if (to && !person) errors.assignee = 'Välj en handläggare i listan'
      if (team && !ctx.teams.includes(team)) errors.team = 'Välj ett team i listan'
      return done({ type: 'reassigned', data: { assignee: person ? { id: person.id, name: person.name } : null, ...(team ? { team } : {}) } })
    }
    case 'note': {
      const t = text(form, 'note')
      required(errors, 'note', t, 'Skriv anteckningen')
      return done({ type: 'note', data: { text: t } })
    }
    case 'message': {
      const t = text(form, 'message')
      required(errors, 'message', t, 'Skriv meddelandet till medborgaren')
      return done({ type: 'message', data: { direction: 'out', text: t } })
    }
    case 'check': {
      const item = text(form, 'item')
      const decl = (ctx.definition.checks ?? []).find((c) => c.id === item)
      if (!decl) errors.item = 'Okänd kontrollpunkt'
      const mark = text(form, 'ok')
      if (!(CHECK_MARKS as readonly string[]).includes(mark)) errors.ok = 'Välj klar, saknas eller ej aktuellt'
      // Only "Ej aktuellt" takes a comment: why the item does not apply to this case.
      const comment = mark === 'ej-aktuellt' ? text(form, 'comment') : ''
      if (comment.length > CHECK_COMMENT_MAX) errors.comment = `Kommentaren får ha högst ${CHECK_COMMENT_MAX} tecken`
      return done({
        type: 'checked',
        data: {
          item, label: decl?.label.sv ?? item, ok: mark !== 'nej',
          ...(mark === 'ej-aktuellt' ? { notApplicable: true as const } : {}), ...(comment ? { comment } : {}),
        },
      })
    }
    case 'flag': {
      const flag = text(form, 'flag')
      const reason = text(form, 'reason')
      if (!(flag in FLAGS)) errors.flag = 'Välj en flagga'
      required(errors, 'reason', reason, 'Skriv varför ärendet flaggas', 500)
      return done({ type: 'flagged', data: { flag, reason } })
    }
    case 'unflag':
      return done({ type: 'unflagged', data: { flag: text(form, 'flag') } })
    case 'supplement': {
      const chosen = form.getAll('items').map(String)
      const items = ctx.checklist.filter((i) => chosen.includes(i.id)).map((i) => ({ id: i.id, label: i.name }))
      const message = text(form, 'message')
      const dueDate = text(form, 'dueDate')
      if (items.length === 0 && !message) errors.items = 'Välj vad som saknas eller beskriv det i meddelandet'
      required(errors, 'message', message, 'Skriv vad medborgaren ska komplettera med')
      if (!ISO_DATE.test(dueDate) || Number.isNaN(Date.parse(dueDate))) errors.dueDate = 'Ange sista dag för kompletteringen som ÅÅÅÅ-MM-DD'
      else if (dueDate <= ctx.today) errors.dueDate = 'Sista dag för kompletteringen måste vara efter i dag'
      return done({ type: 'supplement_requested', data: { items, message, dueDate, ...delivery(form, ctx, errors) } })
    }
    case 'forward': {
      const department = text(form, 'department')
      const note = text(form, 'forwardNote')
      if (!ctx.departments.includes(department)) errors.department = 'Välj vilken förvaltning ärendet ska till'
      required(errors, 'forwardNote', note, 'Skriv vad förvaltningen behöver veta')
      return done({ type: 'forwarded', data: { department, note } })
    }
    case 'return': {
      const comment = text(form, 'returnComment')
      required(errors, 'returnComment', comment, 'Skriv varför ärendet återförs till servicecenter')
      return done({ type: 'returned', data: { comment } })
    }
    case 'outcome': {
      const comment = text(form, 'outcomeText')
      required(errors, 'outcomeText', comment, 'Skriv vad förvaltningen har gjort')
      return done({ type: 'closed', data: { outcome: 'department', comment } })
    }
    case 'decide': {
      const decision = text(form, 'decision')
      const reasons = text(form, 'reasons')
      if (decision !== 'approved' && decision !== 'denied') errors.decision = 'Välj om ansökan beviljas eller avslås'
      // Förvaltningslagen 32 §: a decision states the reasons it rests on.
      required(errors, 'reasons', reasons, 'Skriv skälen för beslutet')
      return done({
        type: 'decided',
        data: {
          decision: decision === 'denied' ? 'denied' : 'approved', reasons, appealable: ctx.definition.decision?.appealable === true, letter: ctx.letter,
          ...delivery(form, ctx, errors),
        },
      })
    }
    case 'close': {
      const outcome = text(form, 'outcome')
      const comment = text(form, 'closeComment')
      if (!(CLOSE_OUTCOMES as readonly string[]).includes(outcome)) errors.outcome = 'Välj hur ärendet avslutas'
      if (comment.length > TEXT_MAX) errors.closeComment = `Texten får ha högst ${TEXT_MAX} tecken`
      return done({ type: 'closed', data: { outcome: outcome as CloseOutcome, ...(comment ? { comment } : {}) } })
    }
    case 'reopen': {
      const reason = text(form, 'reopenReason')
      required(errors, 'reopenReason', reason, 'Skriv varför ärendet öppnas igen')
      return done({ type: 'reopened', data: { reason } })
    }
  }
}
