import { documentLocale, t } from '#forms/kit/index.ts'
import { actorOf, LEAD_ROLES, whoOf, type StaffMember } from '../auth/teams.server.ts'
import { appendEvent } from '../cases/append.server.ts'
import type { EventData, LetterKind, StoredEvent } from '../cases/events.ts'
import { caseRowColumns, type CaseRow } from '../cases/projection.server.ts'
import { sender } from '../config/municipality.server.ts'
import { sql } from '../db/sql.server.ts'
import { decisionInputOf, renderDecisionLetter } from '../pdf/decision.server.ts'
import { formatDate } from '../pdf/format.ts'
import { supplementContent } from '../pdf/letter-content.ts'
import { combineLetters, renderLetter } from '../pdf/letter.server.ts'
import type { Recipient } from './recipient.ts'

/** One letter waiting on (or gone from) the post list. `key` names it in forms: `<case id>:<event seq>`. */
export type PostalLetter = {
  key: string
  caseId: string
  eventSeq: number
  kind: LetterKind
  number: string
  team: string | null
  recipient: Recipient
  createdAt: Date
  printedAt: Date | null
}

/**
 * The letters this member may see that are still to be posted, oldest first. Need-to-know: a letter carries
 * what the case says (a decision's reasons may touch on health), so a handläggare sees their teams' letters,
 * like the sensitive answers on a case page; team leads and admins see every team's.
 */
export async function pendingLetters(member: StaffMember): Promise<PostalLetter[]> {
  const db = sql()
  const all = LEAD_ROLES.includes(member.role)
  if (!all && member.teams.length === 0) return []
  const rows = await db<(Omit<PostalLetter, 'key'>)[]>`
    select l.case_id as "caseId", l.event_seq as "eventSeq", l.kind, c.number, s.team, l.recipient,
           l.created_at as "createdAt", l.printed_at as "printedAt"
    from postal_letters l join cases c on c.id = l.case_id join case_state s on s.case_id = l.case_id
    where l.sent_at is null ${all ? db`` : db`and s.team in ${db(member.teams)}`}
    order by l.created_at, c.number`
  return rows.map((r) => ({ ...r, key: `${r.caseId}:${r.eventSeq}` }))
}

/** One letter as its PDF, rendered from its case, the event that asked for it and the recipient frozen with it. */
async function renderOne(l: PostalLetter, c: CaseRow, e: StoredEvent): Promise<Uint8Array> {
  if (l.kind === 'decision') {
    const by = (e.actor as { name?: string }).name ?? ''
    return renderDecisionLetter(decisionInputOf(e.data as EventData['decided'], c, e.at, by), l.recipient)
  }
  const d = e.data as EventData['supplement_requested']
  const from = sender()
  const locale = documentLocale(c.locale)
  const content = supplementContent({
    locale, municipality: from, formTitle: t(c.definition.title, locale), caseNumber: c.number,
    items: d.items.map((i) => i.label), message: d.message, dueDate: formatDate(new Date(`${d.dueDate}T12:00:00Z`), locale),
  })
  return renderLetter({ content, municipality: from, recipient: l.recipient, caseNumber: c.number, date: formatDate(e.at, locale), createdAt: e.at })
}

/** The cases and the asking events of a set of letters, in two queries rather than two per letter. */
async function sourcesOf(letters: PostalLetter[]) {
  const db = sql()
  const ids = letters.map((l) => l.caseId)
  const cases = await db<CaseRow[]>`select ${caseRowColumns(db)} from cases c where c.id = any(${ids}::uuid[])`
  const events = await db<(StoredEvent & { caseId: string })[]>`
    select e.case_id as "caseId", e.seq, e.type, e.at, e.actor, e.data
    from case_events e join unnest(${ids}::uuid[], ${letters.map((l) => l.eventSeq)}::int[]) as k(case_id, seq)
      on e.case_id = k.case_id and e.seq = k.seq`
  const caseOf = new Map(cases.map((c) => [c.id, c]))
  const eventOf = new Map(events.map((e) => [`${e.caseId}:${e.seq}`, e]))
  return (l: PostalLetter) => {
    const c = caseOf.get(l.caseId)
    const e = eventOf.get(l.key)
    if (!c || !e) throw new Error(`letter ${l.key} has no case or event`)
    return { c, e }
  }
}

/**
 * Every letter this member may see that waits to be posted, as one PDF to print in one go, and marked printed
 * (by whom, when) so the list shows which are ready to go in envelopes. Null when there is nothing to print.
 */
export async function printPending(member: StaffMember): Promise<{ bytes: Uint8Array; letters: PostalLetter[] } | null> {
  const letters = await pendingLetters(member)
  if (letters.length === 0) return null
  const source = await sourcesOf(letters)
  const pdfs: Uint8Array[] = []
  for (const l of letters) {
    const { c, e } = source(l)
    pdfs.push(await renderOne(l, c, e))
  }
  const bytes = await combineLetters(pdfs, 'Brev att skicka med post')
  const db = sql()
  await db`update postal_letters set printed_at = now(), printed_by = ${member.id}
           where sent_at is null and (case_id, event_seq) in (
             select * from unnest(${letters.map((l) => l.caseId)}::uuid[], ${letters.map((l) => l.eventSeq)}::int[]))`
  return { bytes, letters }
}

export type MarkResult = { sent: string[]; refused: { number: string; reason: string }[] }

/**
 * Marks letters posted: each case gets a "Brev skickat med post" event (through appendEvent, so the guard
 * refuses a letter already marked). Only letters on this member's list count; other keys are ignored.
 */
export async function markSent(member: StaffMember, keys: string[]): Promise<MarkResult> {
  const mine = new Map((await pendingLetters(member)).map((l) => [l.key, l]))
  const result: MarkResult = { sent: [], refused: [] }
  for (const key of new Set(keys)) {
    const l = mine.get(key)
    if (!l) continue
    const r = await appendEvent({
      caseId: l.caseId, event: { type: 'letter_sent', data: { letterSeq: l.eventSeq, kind: l.kind } }, actor: actorOf(member), who: whoOf(member),
    })
    if (r.kind === 'ok') result.sent.push(l.number)
    else result.refused.push({ number: l.number, reason: r.kind === 'refused' ? r.reason : 'Ärendet kunde inte uppdateras.' })
  }
  return result
}
