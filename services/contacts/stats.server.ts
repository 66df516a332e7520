import { inPeriod, type Period } from '../cases/stats.server.ts'
import { DEFAULT_HANDLING_DAYS } from '../cases/state.ts'
import { sql } from '../db/sql.server.ts'
import { CONTACT_FORM_ID } from './definition.ts'

/** Counts for one team or one handläggare over the cases received in a period. */
export type HandlingCounts = {
  key: string | null
  name: string | null
  cases: number
  contacts: number
  /** Contacts closed as answered in the step that registered them. */
  atFirstContact: number
  /** Cases decided or closed by their deadline (received + the definition's handling days). */
  withinDeadline: number
  /** Cases whose deadline has come or that are done: those "within deadline" is a share of. */
  judged: number
}

export type ContactStatistics = {
  byChannelReason: { channel: string; reason: string; n: number; atFirstContact: number }[]
  byTeam: HandlingCounts[]
  byHandler: HandlingCounts[]
}

/**
 * Contacts per channel and reason, and per team and per handläggare (the case's current assignee) the cases,
 * the contacts, those answered at first contact and those handled within their deadline: the servicecenter's
 * "en väg in" goals (issue 11). Over cases received in the period, in the municipality's time zone.
 */
export async function contactStatistics(p: Period): Promise<ContactStatistics> {
  const db = sql()
  const base = db`
    select s.team, s.assignee_id, s.channel, s.form_id = ${CONTACT_FORM_ID} as contact,
           case when s.form_id = ${CONTACT_FORM_ID} then c.answers->>'reason' end as reason,
           s.form_id = ${CONTACT_FORM_ID} and exists (
             select 1 from case_events e where e.case_id = s.case_id and e.type = 'closed' and e.data @> '{"atFirstContact": true}') as first,
           case when s.status in ('decided', 'closed') then coalesce(s.decided_at, s.closed_at) end as done_at,
           s.received_at + make_interval(days => coalesce((c.definition->>'handlingDays')::int, ${DEFAULT_HANDLING_DAYS}::int)) as deadline
    from case_state s join cases c on c.id = s.case_id
    where ${inPeriod('s.received_at', p)}`
  const counts = db`
    count(*)::int as cases, count(*) filter (where b.contact)::int as contacts, count(*) filter (where b.first)::int as "atFirstContact",
    count(*) filter (where b.done_at <= b.deadline)::int as "withinDeadline",
    count(*) filter (where b.done_at is not null or b.deadline < now())::int as judged`
  const [byChannelReason, byTeam, byHandler] = await Promise.all([
    db<ContactStatistics['byChannelReason']>`
      with b as (${base})
      select b.channel, coalesce(b.reason, '') as reason, count(*)::int as n, count(*) filter (where b.first)::int as "atFirstContact"
      from b where b.contact group by 1, 2 order by 1, 2`,
    db<HandlingCounts[]>`
      with b as (${base})
      select b.team as key, null as name, ${counts} from b group by b.team order by b.team nulls last`,
    db<HandlingCounts[]>`
      with b as (${base})
      select b.assignee_id::text as key, a.name, ${counts}
      from b left join staff a on a.id = b.assignee_id group by b.assignee_id, a.name order by a.name nulls last`,
  ])
  return { byChannelReason, byTeam, byHandler }
}
