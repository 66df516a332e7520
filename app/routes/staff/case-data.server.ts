import { humanSize, roleAnswers, summarise, t, type FormDefinition, type RoleAnswers } from '#forms/kit/index.ts'
import type { StaffMember } from '#services/auth/teams.server.ts'
import { listStaff, SERVICECENTER_ROLES, whoOf } from '#services/auth/teams.server.ts'
import { municipality, sender, todayIso } from '#services/config/municipality.server.ts'
import { hiddenFileIds, type StaffCase } from '#services/cases/case-view.server.ts'
import { type CommandContext, FLAGS, type Intent } from '#services/cases/commands.ts'
import type { DecisionLetter, NewEvent, StoredEvent } from '#services/cases/events.ts'
import { refusal } from '#services/cases/guards.ts'
import { HIDDEN_ATTACHMENT, redactionFor } from '#services/cases/sensitive.ts'
import { answersShown } from '#services/cases/secret-answers.server.ts'
import { isLate } from '#services/cases/state.ts'
import { dueWords } from '#services/cases/deadlines.server.ts'
import { citizenEmail } from '#services/mail/notify.server.ts'
import { personnummerForStaff } from '#services/signing/staff-view.server.ts'
import { postalRecipient, recipientLines } from '#services/letters/recipient.ts'
import { decisionWordsOf } from '#services/pdf/decision.server.ts'
import { caseStatusLabel, channelLabel, flagLabel, outcomeLabel, eventLabel } from './labels.ts'
import { dateTimeFormat } from '#forms/kit/intl.ts'

const dept = (id: string | null) => (id ? (municipality().departments.find((d) => d.id === id)?.name.sv ?? id) : null)
const team = (id: string | null) => (id ? (municipality().teams.find((x) => x.id === id)?.name.sv ?? id) : null)

/** A flag the e-service's definition raised on receipt is an eligibility condition; its reason says which. */
const caseFlagLabel = (def: FormDefinition, flag: string) =>
  (def.flags ?? []).some((f) => f.id === flag) ? flagLabel('eligibility') : flagLabel(flag)

/** The letter's frozen inputs: the municipality and the applicant as they are at the moment of deciding. */
export function letterFor(v: StaffCase): DecisionLetter {
  const a = v.case.applicant
  return {
    municipality: sender(),
    formTitle: v.case.definition.title,
    applicant: a ? { name: typeof a.name === 'string' ? a.name : undefined, personalNumber: typeof a.personnummer === 'string' ? a.personnummer : undefined } : null,
    locale: v.case.locale,
    // The definition's words for the letter, frozen with the decision like the rest (ADR 034).
    ...decisionWordsOf(v.case.definition),
  }
}

/**
 * Whom the matter is about when that is not the identified applicant who filed it: the association, or the
 * person an ombud applied for, by the definition's roles (ADR 040). Null when it is the applicant themself or
 * nobody identified filed it (then the applicant's name is the one the citizen gave).
 */
function concerns(c: StaffCase['case'], roles: RoleAnswers): string | null {
  if (!c.applicant) return null
  const about = roles.associationName ?? roles.applicantName
  return about && about !== c.applicant.name ? about : null
}

/** How the case's citizen can be reached, for the supplement and decision forms (ADR 034). */
export function reachOf(v: StaffCase) {
  const recipient = postalRecipient(v.case)
  return {
    email: citizenEmail(v.case) !== null,
    identified: typeof v.case.applicant?.personnummer === 'string',
    recipient: recipient ? recipientLines(recipient).join(', ') : null,
  }
}

/** The same reach as the forms show it, as parseCommand checks a posted "Skicka som brev" against it. */
const reachFor = (v: StaffCase) => {
  const r = reachOf(v)
  return { email: r.email, postal: r.recipient !== null }
}

/** Everything parseCommand needs to turn a post into an event for this case; `staff` when already read (bulk work). */
export async function commandContext(member: StaffMember, v: StaffCase, staff?: { id: string; name: string }[]): Promise<CommandContext> {
  const m = municipality()
  staff ??= await listStaff({ roles: SERVICECENTER_ROLES })
  return {
    definition: v.case.definition, checklist: v.checklist, today: todayIso(), departments: m.departments.map((d) => d.id),
    teams: m.teams.map((x) => x.id), staff: staff.map((s) => ({ id: s.id, name: s.name })), me: { id: member.id, name: member.name },
    letter: letterFor(v),
    reach: reachFor(v),
  }
}

// A representative event per intent: the guard decides from the state and the actor, not the text typed.
const SAMPLE: Record<Intent, NewEvent> = {
  claim: { type: 'claimed', data: { assignee: { id: '', name: '' } } },
  release: { type: 'released', data: {} },
  reassign: { type: 'reassigned', data: { assignee: null } },
  note: { type: 'note', data: { text: '' } },
  check: { type: 'checked', data: { item: '', label: '', ok: true } },
  flag: { type: 'flagged', data: { flag: '', reason: '' } },
  unflag: { type: 'unflagged', data: { flag: '' } },
  supplement: { type: 'supplement_requested', data: { items: [], message: '', dueDate: '' } },
  forward: { type: 'forwarded', data: { department: '', note: '' } },
  accept: { type: 'accepted', data: {} },
  return: { type: 'returned', data: { comment: '' } },
  outcome: { type: 'closed', data: { outcome: 'department' } },
  decide: { type: 'decided', data: { decision: 'approved', reasons: '', appealable: false, letter: {} as DecisionLetter } },
  close: { type: 'closed', data: { outcome: 'handled' } },
  reopen: { type: 'reopened', data: { reason: '' } },
  message: { type: 'message', data: { direction: 'out', text: '' } },
}

/** Which actions this member may take on this case now: the forms the page shows. */
export function allowedIntents(member: StaffMember, v: StaffCase): Intent[] {
  const opts = { decisionAllowed: v.case.definition.decision?.byServicecenter === true }
  return (Object.keys(SAMPLE) as Intent[]).filter((i) => refusal(v.state, SAMPLE[i], whoOf(member), opts) === null)
}

const actorName = (e: StoredEvent) => {
  const a = e.actor as { kind?: string; name?: string }
  return a.kind === 'staff' ? (a.name ?? 'Personal') : a.kind === 'citizen' ? (a.name ?? 'Medborgaren') : 'Systemet'
}

/** One line of the timeline: what happened, by whom, and its details in staff's words; `hidden` as in staffThread. */
function timelineEntry(e: StoredEvent, hidden: ReadonlySet<string>) {
  const d = e.data as Record<string, unknown>
  const details: string[] = []
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '')
  switch (e.type) {
    case 'received':
      details.push(`Kanal: ${channelLabel(s('channel') || 'web')}`)
      if (d.onBehalf) details.push(`Registrerat för medborgarens räkning av ${(d.onBehalf as { name: string }).name}`)
      break
    case 'claimed': details.push(`Handläggare: ${(d.assignee as { name: string }).name}`); break
    case 'reassigned':
      details.push(d.assignee ? `Till: ${(d.assignee as { name: string }).name}` : 'Ingen handläggare')
      if (d.team) details.push(`Team: ${team(s('team'))}`)
      break
    case 'note': details.push(s('text')); break
    case 'checked':
      details.push(`${s('label')}: ${d.notApplicable ? 'ej aktuellt' : d.ok ? 'kontrollerad' : 'saknas'}`)
      if (s('comment')) details.push(`Kommentar: ${s('comment')}`)
      break
    case 'flagged': details.push(`${flagLabel(s('flag'))}: ${s('reason')}`); break
    case 'unflagged': details.push(flagLabel(s('flag'))); break
    case 'supplement_requested':
      details.push(`Saknas: ${((d.items as { label: string }[]) ?? []).map((i) => i.label).join(', ') || '–'}`, s('message'), `Senast: ${s('dueDate')}`)
      break
    case 'supplement_received':
      details.push(s('text'))
      for (const f of (d.attachments as { id: string; name: string }[]) ?? []) details.push(`Bilaga: ${hidden.has(f.id) ? HIDDEN_ATTACHMENT : f.name}`)
      break
    case 'forwarded': details.push(`Till: ${dept(s('department'))}`, s('note')); break
    case 'returned': details.push(s('comment')); break
    case 'decided': details.push(d.decision === 'denied' ? 'Avslag' : 'Bifall', s('reasons')); break
    case 'closed': details.push(`Utfall: ${outcomeLabel(s('outcome'))}`, s('comment')); break
    case 'reopened': details.push(s('reason')); break
    case 'message': details.push(`${d.direction === 'in' ? 'Från medborgaren' : 'Till medborgaren'}: ${s('text')}`); break
  }
  return { seq: e.seq, at: e.at.toISOString(), label: eventLabel(e.type), by: actorName(e), details: details.filter(Boolean), type: e.type }
}

export function caseLoaderData(member: StaffMember, v: StaffCase, staffOptions: { id: string; label: string }[]) {
  const { case: c, state: s } = v
  const base = `/servicecenter/arenden/${c.id}`
  const m = municipality()
  const pn = typeof c.applicant?.personnummer === 'string' ? c.applicant.personnummer : null
  const received = v.events.find((e) => e.type === 'received')?.data as { onBehalf?: { name: string } } | undefined
  const supplementDefault = new Date(Date.now() + 14 * 24 * 3600_000)
  const redact = redactionFor(member, s.team)
  const hiddenFiles = hiddenFileIds(v)
  const roles = roleAnswers(c.definition, c.answers)
  return {
    staff: { id: member.id, name: member.name, role: member.role },
    id: c.id,
    seq: s.seq,
    number: c.number,
    title: t(c.definition.title, 'sv'),
    status: caseStatusLabel(s.status),
    statusId: s.status,
    assignee: s.assignee?.name ?? null,
    isMine: s.assignee?.id === member.id,
    team: team(s.team),
    forwardedTo: dept(s.forwardedTo),
    acceptedBy: s.acceptedBy?.name ?? null,
    receivedAt: c.receivedAt.toISOString(),
    channel: channelLabel(c.channel) + (c.location ? ` (${m.locations.find((l) => l.id === c.location)?.name ?? c.location})` : ''),
    registeredBy: received?.onBehalf?.name ?? null,
    dueAt: s.dueAt?.toISOString() ?? null,
    late: isLate(s, new Date()),
    due: dueWords(s.dueAt),
    outcome: s.outcome ? outcomeLabel(s.outcome) : null,
    applicant: c.applicant
      ? { name: typeof c.applicant.name === 'string' ? c.applicant.name : null, personnummer: pn ? personnummerForStaff(member, pn, s.assignee?.id ?? null).value : null }
      : roles.applicantName ? { name: roles.applicantName, personnummer: null } : null,
    concerns: concerns(c, roles),
    flags: [...s.flags.map((f) => ({ id: f.flag, label: caseFlagLabel(c.definition, f.flag), reason: f.reason, manual: f.flag in FLAGS && f.flag !== 'incomplete' }))],
    // Door codes are decrypted only for staff who handle the case; others see them redacted (ADR 019).
    sections: summarise(c.definition, answersShown(c.answers, c.id, redact), 'sv', { redact }),
    // A sensitive file this member may not open is listed without its name, size or link (ADR 018).
    attachments: v.attachments.map((a) => a.hidden
      ? { id: a.id, hidden: true as const, name: HIDDEN_ATTACHMENT }
      : {
          id: a.id, hidden: false as const, name: a.name, metadataRemoved: a.metadataRemoved.length > 0, href: `${base}/bilagor/${a.id}`,
          isImage: a.mime.startsWith('image/') && a.mime !== 'image/heic', isPdf: a.mime === 'application/pdf',
          size: humanSize(a.size, 'sv'), fromSupplement: a.fieldId.startsWith('supplement:'),
        }),
    pdfHref: `${base}/kvitto.pdf`,
    decision: s.decision ? { label: s.decision.decision === 'approved' ? 'Bifall' : 'Avslag', reasons: s.decision.reasons, by: s.decision.by, at: s.decision.at.toISOString(), href: `${base}/beslut.pdf` } : null,
    checklist: v.checklist,
    manualChecks: (c.definition.checks ?? []).map((x) => ({ id: x.id, label: x.label.sv })),
    supplement: s.supplement ? { items: s.supplement.items.map((i) => i.label), message: s.supplement.message, dueDate: s.supplement.dueDate } : null,
    timeline: v.events.map((e) => timelineEntry(e, hiddenFiles)).reverse(),
    intents: allowedIntents(member, v),
    decisionAllowed: c.definition.decision?.byServicecenter === true,
    appealable: c.definition.decision?.appealable === true,
    // Messages reach the citizen on Mina sidor (an identified applicant) or by e-mail.
    canMessage: Boolean(c.applicant?.personnummer) || citizenEmail(c) !== null,
    reach: reachOf(v),
    options: {
      departments: m.departments.map((d) => ({ id: d.id, label: d.name.sv })),
      defaultDepartment: c.department,
      teams: m.teams.map((x) => ({ id: x.id, label: x.name.sv })),
      staff: staffOptions,
      flags: Object.entries(FLAGS),
      supplementDue: todayPlus(supplementDefault),
    },
  }
}

const todayPlus = (d: Date) => dateTimeFormat('sv-SE', { timeZone: municipality().timeZone }).format(d)

export type CaseLoaderData = ReturnType<typeof caseLoaderData>
