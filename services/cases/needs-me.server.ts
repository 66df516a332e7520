import type postgres from 'postgres'
import type { StaffMember } from '../auth/teams.server.ts'
import { sql, type Sql, type Tx } from '../db/sql.server.ts'
import type { CaseEvent } from './events.ts'
import type { Who } from './guards.ts'

/**
 * "Mina" holds everything that needs a handler (issue 11, ADR 031): their open cases, the decided ones they
 * still have to close, and any case they handled where the citizen or a department did something after they
 * last looked or acted — a message (even after a decision), a supplement, a return. Who handled what and what
 * they have not seen is kept in case_watchers, written in the transaction of each event.
 */

/** Events from outside the servicecenter that someone who handled the case must see. */
const NEWS: ReadonlySet<string> = new Set(['supplement_received', 'returned'])
const isNews = (e: CaseEvent) => NEWS.has(e.type) || (e.type === 'message' && e.data.direction === 'in')

/** The statuses in which a case stays the assignee's: open, or decided and still to close. In the SQL text for the partial index. */
const ASSIGNED_SQL = `('new', 'in_progress', 'waiting', 'forwarded', 'decided')`

/** Roles whose "Mina" this is; a förvaltning user's Mina is the cases their department accepted. */
const watches = (who: Who) => who.kind === 'staff' && who.role !== 'forvaltning'

/**
 * Called by appendInTx after each event. Servicecenter staff acting on a case become (or stay) its watchers and
 * have seen it now; news marks every other watcher, and the assignee, as having something unseen.
 */
export async function recordForWatchers(tx: Tx, caseId: string, e: CaseEvent, who: Who, assigneeId: string | null): Promise<void> {
  if (watches(who) && e.actor.kind === 'staff') {
    await tx`insert into case_watchers (staff_id, case_id, seen_at) values (${e.actor.id}, ${caseId}, ${e.at})
      on conflict (staff_id, case_id) do update set seen_at = excluded.seen_at, pending_since = null, pending_kind = null`
  }
  if (!isNews(e)) return
  const actorId = e.actor.kind === 'staff' ? e.actor.id : null
  if (assigneeId && assigneeId !== actorId) {
    await tx`insert into case_watchers (staff_id, case_id, seen_at) values (${assigneeId}, ${caseId}, '-infinity') on conflict do nothing`
  }
  await tx`update case_watchers set pending_since = coalesce(pending_since, ${e.at}), pending_kind = ${e.type}
    where case_id = ${caseId} and staff_id is distinct from ${actorId}::uuid`
}

/** The member has looked at the case: what was new on it is seen. Nothing for someone who never handled it. */
export async function markSeen(staffId: string, caseId: string): Promise<void> {
  await sql()`update case_watchers set seen_at = now(), pending_since = null, pending_kind = null
    where staff_id = ${staffId} and case_id = ${caseId}`
}

/** The ids of the cases that need the member, as an array subquery: the queue pages them through the primary key. */
export function needsMeIds(db: Sql | Tx, m: Pick<StaffMember, 'id'>) {
  return db`array(
    select case_id from case_state where assignee_id = ${m.id} and status in ${db.unsafe(ASSIGNED_SQL)}
    union
    select case_id from case_watchers where staff_id = ${m.id} and pending_since is not null)`
}

/**
 * One page of what needs the member in received order (`desc` for newest first), from `after` on: the first
 * `limit` ids of each of two index walks, merged (ADR 048). Their union holds the page, so Mina reads a page's
 * worth of rows however many cases need the member. `also` narrows both walks (the queue's filters on `s`).
 */
export function needsMePageIds(db: Sql | Tx, m: Pick<StaffMember, 'id'>, page: {
  desc: boolean; after?: { key: string; id: string }; limit: number; also: postgres.PendingQuery<postgres.Row[]>
}) {
  const dir = db.unsafe(page.desc ? 'desc' : 'asc')
  const after = (at: string) => page.after
    ? db`and (${db.unsafe(at)}.received_at, ${db.unsafe(at)}.case_id) ${db.unsafe(page.desc ? '<' : '>')} (${page.after.key}::timestamptz, ${page.after.id}::uuid)`
    : db``
  return db`array(
    (select s.case_id from case_state s where s.assignee_id = ${m.id} and s.status in ${db.unsafe(ASSIGNED_SQL)} ${page.also} ${after('s')}
     order by s.received_at ${dir}, s.case_id ${dir} limit ${page.limit})
    union
    (select w.case_id from case_watchers w join case_state s on s.case_id = w.case_id
     where w.staff_id = ${m.id} and w.pending_since is not null ${page.also} ${after('w')}
     order by w.received_at ${dir}, w.case_id ${dir} limit ${page.limit}))`
}

/**
 * How many cases need the member: the counter in the staff navigation. Two index-only counts (the assigned, and the
 * pending ones not among them) rather than building the union, which for a handler with ten thousand decided cases
 * took about twice as long (ADR 048).
 */
export async function countNeedsMe(m: Pick<StaffMember, 'id'>): Promise<number> {
  const db = sql()
  const [row] = await db<{ n: number }[]>`select (
      (select count(*) from case_state where assignee_id = ${m.id} and status in ${db.unsafe(ASSIGNED_SQL)})
      + (select count(*) from case_watchers w where w.staff_id = ${m.id} and w.pending_since is not null and not exists (
          select 1 from case_state s where s.case_id = w.case_id and s.assignee_id = ${m.id} and s.status in ${db.unsafe(ASSIGNED_SQL)}))
    )::int as n`
  return row?.n ?? 0
}
