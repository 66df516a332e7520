import type { StaffMember } from '../auth/teams.server.ts'
import { actorOf, whoOf } from '../auth/teams.server.ts'
import { sql, type Sql, type Tx } from '../db/sql.server.ts'
import { enqueueCitizenMail } from '../mail/notify.server.ts'
import { appendEvent, type AppendResult } from './append.server.ts'
import type { CaseEvent, StoredEvent } from './events.ts'
import { caseRowColumns, type CaseRow } from './projection.server.ts'
import { classify, mayOpen } from './search.server.ts'
import type { CaseState } from './state.ts'

/**
 * Duplicates (issue 11, ADR 031): a case about the same matter as another is closed with the outcome
 * `duplicate` and `duplicateOf` naming the primary in its closing event. Its reporter is told where the matter
 * is handled (the closing mail, services/mail/notify.server.ts), the primary lists its duplicates, and when the
 * primary is decided or closed every duplicate's reporter is told too.
 */
export type CaseLink = { id: string; number: string }

/** The cases closed as duplicates of `primaryId` (their latest closing names it), oldest first. */
export async function duplicatesOf(db: Sql | Tx, primaryId: string): Promise<CaseLink[]> {
  return [...(await db<CaseLink[]>`
    select s.case_id as id, s.number from case_events e join case_state s on s.case_id = e.case_id
    where e.type = 'closed' and e.data ? 'duplicateOf' and e.data->'duplicateOf'->>'id' = ${primaryId}
      and s.status = 'closed' and s.outcome = 'duplicate'
      and e.seq = (select max(x.seq) from case_events x where x.case_id = e.case_id and x.type = 'closed')
    order by s.received_at, s.case_id`)]
}

/** The primary a closed duplicate points to, read from its log: the latest closing while it is closed as one. */
export function primaryFrom(state: Pick<CaseState, 'status' | 'outcome'>, events: readonly StoredEvent[]): CaseLink | null {
  if (state.status !== 'closed' || state.outcome !== 'duplicate') return null
  const closing = [...events].reverse().find((e) => e.type === 'closed')
  const link = (closing?.data as { duplicateOf?: CaseLink } | undefined)?.duplicateOf
  return link ?? null
}

export type DuplicateResult = AppendResult | { kind: 'invalid'; message: string }

/** Closes `caseId` as a duplicate of the case numbered `primaryNumber`, which the member must be able to open. */
export async function closeAsDuplicate(member: StaffMember, caseId: string, expectedSeq: number, primaryNumber: string, comment: string): Promise<DuplicateResult> {
  const typed = primaryNumber.trim()
  if (!typed) return { kind: 'invalid', message: 'Skriv ärendenumret för ärendet som det här är en dubblett av' }
  const q = classify(typed)
  if (q.kind !== 'number') return { kind: 'invalid', message: 'Skriv ett ärendenummer som FEL-2026-000123' }
  const db = sql()
  const [primary] = await db<(CaseLink & { outcome: string | null; status: string })[]>`
    select s.case_id as id, s.number, s.outcome, s.status from case_state s where s.number = ${q.value} and ${mayOpen(db, member)}`
  if (!primary) return { kind: 'invalid', message: `Det finns inget ärende ${q.value} som du kan öppna` }
  if (primary.id === caseId) return { kind: 'invalid', message: 'Ett ärende kan inte vara en dubblett av sig självt' }
  if (primary.status === 'closed' && primary.outcome === 'duplicate')
    return { kind: 'invalid', message: `${primary.number} är självt avslutat som dubblett. Ange ärendet det handläggs i.` }
  return appendEvent({
    caseId, expectedSeq, actor: actorOf(member), who: whoOf(member),
    event: { type: 'closed', data: { outcome: 'duplicate', duplicateOf: { id: primary.id, number: primary.number }, ...(comment ? { comment } : {}) } },
  })
}

/**
 * After an event on a case: when it is decided, or closed without a decision first, every duplicate's reporter
 * is told that the matter they reported is done. Once per primary: a closing after a decision says nothing new.
 */
export async function tellDuplicates(tx: Tx, c: CaseRow, e: CaseEvent, next: CaseState): Promise<void> {
  const done = e.type === 'decided' || (e.type === 'closed' && e.data.outcome !== 'duplicate' && next.decidedAt === null)
  if (!done) return
  const dups = await duplicatesOf(tx, c.id)
  if (dups.length === 0) return
  const rows = await tx<(CaseRow & { seq: number })[]>`
    select ${caseRowColumns(tx)}, s.seq from cases c join case_state s on s.case_id = c.id where c.id = any(${dups.map((d) => d.id)}::uuid[])`
  for (const { seq, ...row } of rows) await enqueueCitizenMail(tx, row, 'primary_done', seq, { primaryNumber: c.number })
}
