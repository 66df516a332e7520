import type { Text } from '#forms/kit/index.ts'
import { FORMS, getForm } from '#forms/registry.ts'
import type { StaffMember } from '../auth/teams.server.ts'
import { actorOf, whoOf } from '../auth/teams.server.ts'
import { sql, type Sql } from '../db/sql.server.ts'
import { appendInTx } from './append.server.ts'
import { OPEN_STATUSES, type CaseStatus } from './state.ts'
import { UUID } from './queries.server.ts'
import { lateCutoff } from './deadlines.server.ts'
import { needsMeIds, needsMePageIds } from './needs-me.server.ts'
import type { QueueSort, QueueView } from './queue-views.ts'


export const DEFAULT_SORT: Record<QueueView, QueueSort> = {
  nya: 'aldst', mina: 'aldst', forsenade: 'frist', vantar: 'frist', vidarebefordrade: 'aldst', beslutade: 'nyast', alla: 'nyast',
}

export type QueueFilters = {
  formId?: string
  team?: string
  status?: CaseStatus
  channel?: string
  location?: string
  /** A stored flag, or 'late' (past its deadline while open). */
  flag?: string
  /** Received at least this many days ago. */
  minAgeDays?: number
}

/** Where the next page starts: the last row's sort key (ISO time, or '' for a case without a deadline) and id. */
export type Cursor = { key: string; id: string }

export type QueueItem = {
  id: string
  seq: number
  number: string
  formId: string
  title: Text
  receivedAt: Date
  status: CaseStatus
  assignee: { id: string; name: string } | null
  team: string | null
  forwardedTo: string | null
  accepted: boolean
  channel: string
  location: string | null
  dueAt: Date | null
  late: boolean
  flags: string[]
  /** What happened since this member last looked (a watcher's pending event type), or null. */
  news: string | null
}

type Row = Omit<QueueItem, 'assignee' | 'title'> & { title: Text | null; assigneeId: string | null; assigneeName: string | null }

export const PAGE_SIZE = 25

/**
 * The open statuses written into the SQL text, not bound as parameters: only then can the planner match
 * the partial indexes on open cases ("mine", "late") in a prepared statement's generic plan.
 */
const OPEN_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`
const openStatuses = (db: Sql) => db.unsafe(OPEN_SQL)

function viewWhere(db: Sql, view: QueueView, m: StaffMember) {
  if (m.role === 'forvaltning') {
    // No department: nothing; never another department's cases.
    const dept = db`s.forwarded_to = ${m.department ?? '\u0000'}`
    if (view === 'nya') return db`${dept} and s.status = 'forwarded' and not s.accepted`
    if (view === 'mina') return db`${dept} and s.status = 'forwarded' and s.accepted`
    return dept
  }
  switch (view) {
    case 'nya': return db`s.status = 'new'`
    // Everything that needs me (ADR 031): paged through the primary key, never by walking the queue.
    case 'mina': return db`s.case_id = any(${needsMeIds(db, m)})`
    case 'forsenade': return db`s.due_at < ${lateCutoff()} and s.status in ${openStatuses(db)}`
    case 'vantar': return db`s.status = 'waiting'`
    case 'vidarebefordrade': return db`s.status = 'forwarded'`
    case 'beslutade': return db`s.status = 'decided'`
    case 'alla': return db`true`
  }
}

/**
 * The e-services' own eligibility flags (trygghetslarm's `underMinAge`, föreningsbidrag's late application …):
 * the queue shows and filters them all as one kind, "Villkor"; the case page gives each one's reason.
 */
const ELIGIBILITY_FLAGS: ReadonlySet<string> = new Set(FORMS.flatMap((f) => (f.flags ?? []).map((flag) => flag.id)))

/** A flag as the queue groups it: an e-service's eligibility flag counts as 'eligibility'. */
export const queueFlag = (flag: string): string => (ELIGIBILITY_FLAGS.has(flag) ? 'eligibility' : flag)

function filterWhere(db: Sql, f: QueueFilters) {
  const parts = [
    f.formId ? db`and s.form_id = ${f.formId}` : null,
    f.team ? db`and s.team = ${f.team}` : null,
    f.status ? db`and s.status = ${f.status}` : null,
    f.channel ? db`and s.channel = ${f.channel}` : null,
    f.location ? db`and s.location = ${f.location}` : null,
    f.flag === 'late' ? db`and s.due_at < ${lateCutoff()} and s.status in ${openStatuses(db)}`
      : f.flag === 'eligibility' ? db`and s.flags && ${['eligibility', ...ELIGIBILITY_FLAGS]}::text[]`
      : f.flag ? db`and s.flags @> ${[f.flag]}::text[]` : null,
    f.minAgeDays ? db`and s.received_at < now() - make_interval(days => ${f.minAgeDays}::int)` : null,
  ].filter((p) => p !== null)
  return parts.reduce((acc, p) => db`${acc} ${p}`, db``)
}

/** Keyset condition and order for a sort; every order ends in case_id so pages never overlap or skip. */
function order(db: Sql, sort: QueueSort, after?: Cursor) {
  if (sort === 'nyast') {
    const where = after ? db`and (s.received_at, s.case_id) < (${after.key}::timestamptz, ${after.id}::uuid)` : db``
    return { where, orderBy: db`order by s.received_at desc, s.case_id desc` }
  }
  if (sort === 'aldst') {
    const where = after ? db`and (s.received_at, s.case_id) > (${after.key}::timestamptz, ${after.id}::uuid)` : db``
    return { where, orderBy: db`order by s.received_at, s.case_id` }
  }
  // Deadline first; closed and decided cases have none and come last.
  const where = !after ? db``
    : after.key === '' ? db`and s.due_at is null and s.case_id > ${after.id}::uuid`
    : db`and ((s.due_at, s.case_id) > (${after.key}::timestamptz, ${after.id}::uuid) or s.due_at is null)`
  return { where, orderBy: db`order by s.due_at nulls last, s.case_id` }
}

/** One page of a queue view with its filters and sort, as an index range scan on case_state. */
export async function listQueue(input: {
  member: StaffMember
  view: QueueView
  filters?: QueueFilters
  sort?: QueueSort
  after?: Cursor
  limit?: number
}): Promise<{ items: QueueItem[]; next?: Cursor }> {
  const db = sql()
  // A request that fans out files each part under its own title ("Ny i kommunen: Lånekort"): read it from the case.
  const registered = FORMS.filter((f) => !f.fanOut).map((f) => f.id)
  const limit = input.limit ?? PAGE_SIZE
  const sort = input.sort ?? DEFAULT_SORT[input.view]
  const after = input.after && UUID.test(input.after.id) ? input.after : undefined
  const { where, orderBy } = order(db, sort, after)
  const filters = filterWhere(db, input.filters ?? {})
  // Mina in received order is a page of two index walks (ADR 048); by deadline it pages through all its cases.
  const view = input.view === 'mina' && input.member.role !== 'forvaltning' && sort !== 'frist'
    ? db`s.case_id = any(${needsMePageIds(db, input.member, { desc: sort === 'nyast', after, limit: limit + 1, also: filters })})`
    : viewWhere(db, input.view, input.member)
  // The page is chosen from case_state alone; only its rows are then joined.
  const rows = await db<Row[]>`
    select s.case_id as id, s.seq, s.number, s.form_id as "formId", t.title, s.received_at as "receivedAt",
           s.status, s.assignee_id as "assigneeId", a.name as "assigneeName", s.team, s.forwarded_to as "forwardedTo", s.accepted,
           s.channel, s.location, s.due_at as "dueAt", s.flags,
           (s.due_at < ${lateCutoff()} and s.status in ${openStatuses(db)}) as late, w.pending_kind as news
    from (
      select * from case_state s
      where ${view} ${filters} ${where}
      ${orderBy}
      limit ${limit + 1}
    ) s
    -- The wide cases row is read only for a form no longer (or never) in the registry, for its filed title.
    left join lateral (select c.definition->'title' as title from cases c where c.id = s.case_id and s.form_id not in ${db(registered)}) t on true
    left join staff a on a.id = s.assignee_id
    left join case_watchers w on w.case_id = s.case_id and w.staff_id = ${input.member.id} and w.pending_since is not null
    ${orderBy}`
  const items = rows.slice(0, limit).map(({ assigneeId, assigneeName, ...r }) => ({
    ...r, title: r.title ?? getForm(r.formId)?.title ?? { sv: r.formId, en: r.formId },
    late: r.late === true, assignee: assigneeId ? { id: assigneeId, name: assigneeName ?? '' } : null,
  }))
  const last = rows.length > limit ? items[limit - 1] : undefined
  if (!last) return { items }
  const key = sort === 'frist' ? (last.dueAt?.toISOString() ?? '') : last.receivedAt.toISOString()
  return { items, next: { key, id: last.id } }
}

export type TakeNextResult = { kind: 'taken'; caseId: string } | { kind: 'none' } | { kind: 'no-teams' }

/**
 * Claims the oldest new case of the member's teams. The candidate row is locked with SKIP LOCKED, so two
 * people pressing "Ta nästa" at the same moment lock, and get, different cases; the claim is appended in
 * the same transaction. A case someone claimed between our read and lock is skipped the same way.
 */
export async function takeNext(member: StaffMember): Promise<TakeNextResult> {
  if (member.teams.length === 0) return { kind: 'no-teams' }
  return sql().begin(async (tx): Promise<TakeNextResult> => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const [candidate] = await tx<{ caseId: string; seq: number }[]>`
        select case_id as "caseId", seq from case_state
        where status = 'new' and team in ${tx(member.teams)}
        order by received_at, case_id
        limit 1 for update skip locked`
      if (!candidate) return { kind: 'none' }
      const r = await appendInTx(tx, {
        caseId: candidate.caseId, expectedSeq: candidate.seq, actor: actorOf(member), who: whoOf(member),
        event: { type: 'claimed', data: { assignee: { id: member.id, name: member.name } } },
      })
      if (r.kind === 'ok') return { kind: 'taken', caseId: candidate.caseId }
    }
    return { kind: 'none' }
  })
}

/** The case after `caseId` in the member's own open cases (oldest first), wrapping round; for "Nästa ärende". */
export async function nextOfMine(member: StaffMember, caseId: string): Promise<string | null> {
  const [row] = await sql()<{ id: string }[]>`
    with mine as (
      select case_id, received_at from case_state
      where assignee_id = ${member.id} and status in ${openStatuses(sql())} and case_id <> ${caseId}::uuid
    ), cur as (select received_at from case_state where case_id = ${caseId}::uuid)
    select case_id as id from mine
    order by (received_at, case_id) <= ((select received_at from cur), ${caseId}::uuid), received_at, case_id
    limit 1`
  return row?.id ?? null
}
