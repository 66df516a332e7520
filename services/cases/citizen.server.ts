import type { Locale } from '#forms/kit/index.ts'
import { sql } from '../db/sql.server.ts'
import { appendEvent, type AppendResult } from './append.server.ts'
import { checkTextAndFiles, storeCaseFiles } from './citizen-uploads.server.ts'
import type { EventData, StoredEvent } from './events.ts'
import { loadEvents } from './projection.server.ts'
import { UUID } from './queries.server.ts'
import { endOfDay } from './state.ts'
import { municipality } from '../config/municipality.server.ts'

/**
 * What the citizen side (Mina sidor, issue 3) does to a case: the supplement requests and answering them,
 * messages, and the decision letter. Every function that acts for the person takes their personnummer and
 * answers only about cases where they are the applicant. How the case reads to them is citizenTimeline
 * (citizen-timeline.ts), over the events getMyCase (citizen-cases.server.ts) loads.
 */

export type SupplementRequest = {
  seq: number
  requestedAt: Date
  items: { id: string; label: string }[]
  message: string
  dueDate: string
  /** Still waiting for the citizen's answer. */
  open: boolean
  /** The due date has passed without an answer. */
  late: boolean
  answer: { at: Date; text: string; attachments: { id: string; name: string }[] } | null
}

async function owns(caseId: string, personnummer: string): Promise<boolean> {
  if (!UUID.test(caseId)) return false
  const [row] = await sql()`select 1 from cases where id = ${caseId} and applicant->>'personnummer' = ${personnummer}`
  return Boolean(row)
}

function requestsFrom(events: StoredEvent[], now = new Date()): SupplementRequest[] {
  const out: SupplementRequest[] = []
  let openSeq: number | null = null
  for (const e of events) {
    if (e.type === 'supplement_requested') {
      const d = e.data as EventData['supplement_requested']
      out.push({ seq: e.seq, requestedAt: e.at, items: d.items, message: d.message, dueDate: d.dueDate, open: true, late: false, answer: null })
      openSeq = e.seq
    } else if (e.type === 'supplement_received') {
      const d = e.data as EventData['supplement_received']
      const r = out.find((x) => x.seq === d.requestSeq)
      if (r) Object.assign(r, { open: false, answer: { at: e.at, text: d.text, attachments: d.attachments } })
      openSeq = null
    } else if (e.type === 'closed' && openSeq !== null) {
      // A case closed while waiting no longer waits.
      const r = out.find((x) => x.seq === openSeq)
      if (r) r.open = false
      openSeq = null
    }
  }
  const tz = municipality().timeZone
  for (const r of out) r.late = r.open && endOfDay(r.dueDate, tz).getTime() < now.getTime()
  return out
}

/** The supplement requests of a case, oldest first, with the citizen's answers. */
export async function supplementRequestsFor(caseId: string): Promise<SupplementRequest[]> {
  if (!UUID.test(caseId)) return []
  return requestsFrom(await loadEvents(sql(), caseId))
}

export type AnswerResult =
  | { kind: 'ok' }
  | { kind: 'invalid'; errors: { text?: string; files?: string } }
  | { kind: 'refused'; reason: string }
  | { kind: 'not-found' }

const toResult = (r: AppendResult, refusedEn: string, en: boolean): AnswerResult =>
  r.kind === 'ok' ? { kind: 'ok' } : r.kind === 'refused' ? { kind: 'refused', reason: en ? refusedEn : r.reason } : { kind: 'not-found' }

/**
 * The citizen's answer to an open supplement request: text and files, appended as 'supplement_received'
 * with the files stored on the case in the same transaction. The case goes back to its handler marked
 * "Komplettering inkommen". Files are checked by their bytes and lose location metadata.
 */
export async function answerSupplement(input: {
  caseId: string; personnummer: string; name?: string; requestSeq: number; text: string; files: File[]; locale: Locale
}): Promise<AnswerResult> {
  if (!(await owns(input.caseId, input.personnummer))) return { kind: 'not-found' }
  const checked = await checkTextAndFiles(input.text, input.files, input.locale, { sv: 'Skriv ditt svar eller bifoga en fil', en: 'Write your answer or attach a file' })
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors }
  const event = (attachments: { id: string; name: string }[]) =>
    ({ type: 'supplement_received', data: { requestSeq: input.requestSeq, text: checked.text, attachments } }) as const
  const r = await appendEvent({
    caseId: input.caseId,
    event: event([]),
    actor: { kind: 'citizen', ...(input.name ? { name: input.name } : {}) },
    who: { kind: 'citizen' },
    // The files are stored with the case only once the request is known to be open, and the event lists them.
    beforeAppend: async (tx, c, seq) => event(await storeCaseFiles(tx, c.id, `supplement:${seq}`, checked.files)),
  })
  return toResult(r, 'There is no open request to answer.', input.locale === 'en')
}

/**
 * A message from the citizen to the servicecenter in the case's thread, with any files (checked as a
 * supplement's are). The case is marked "Nytt meddelande" in the queue until staff next act on it.
 */
export async function sendCitizenMessage(input: {
  caseId: string; personnummer: string; name?: string; text: string; files?: File[]; locale?: Locale
}): Promise<AnswerResult> {
  if (!(await owns(input.caseId, input.personnummer))) return { kind: 'not-found' }
  const locale = input.locale ?? 'sv'
  const checked = await checkTextAndFiles(input.text, input.files ?? [], locale, { sv: 'Skriv ditt meddelande', en: 'Write your message' })
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors }
  const event = (attachments: { id: string; name: string }[]) =>
    ({ type: 'message', data: { direction: 'in', text: checked.text, ...(attachments.length ? { attachments } : {}) } }) as const
  const r = await appendEvent({
    caseId: input.caseId, event: event([]),
    actor: { kind: 'citizen', ...(input.name ? { name: input.name } : {}) }, who: { kind: 'citizen' },
    beforeAppend: async (tx, c, seq) => event(await storeCaseFiles(tx, c.id, `message:${seq}`, checked.files)),
  })
  return toResult(r, 'The message could not be sent.', locale === 'en')
}

export { decisionLetter } from './decision-letter.server.ts'
