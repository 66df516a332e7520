import type { Staff } from '../auth/staff.server.ts'
import { sql, type Tx } from '../db/sql.server.ts'
import type { Kiosk } from './kiosks.server.ts'
import { helpPath } from './paths.ts'

export { helpPath }

/** The PostgreSQL NOTIFY channel: every portal process listens, so staff on any of them see the request. */
export const HELP_CHANNEL = 'help_requests'

/** What a notification carries: no personal data, only which request changed and where. */
export type HelpEvent = { id: string; location: string; change: 'new' | 'taken' | 'done' }

export type HelpRequest = {
  id: string
  kioskName: string
  path: string
  createdAt: Date
  takenAt: Date | null
  takenBy: string | null
}

const notify = (tx: Tx, event: HelpEvent) => tx`select pg_notify(${HELP_CHANNEL}, ${JSON.stringify(event)})`

/**
 * "Få hjälp av personal": one open request per kiosk (pressing again updates its page). The notification
 * is sent when the transaction commits, so a listener that reloads the list finds the row.
 */
export async function requestHelp(kiosk: Kiosk, path: string): Promise<string> {
  return sql().begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      insert into help_requests (kiosk_id, location, path) values (${kiosk.id}, ${kiosk.location}, ${helpPath(path)})
      on conflict (kiosk_id) where done_at is null do update set path = excluded.path
      returning id`
    await notify(tx, { id: row!.id, location: kiosk.location, change: 'new' })
    return row!.id
  })
}

export async function openHelpRequests(location: string): Promise<HelpRequest[]> {
  return sql()<HelpRequest[]>`
    select h.id, k.name as "kioskName", h.path, h.created_at as "createdAt", h.taken_at as "takenAt", s.name as "takenBy"
    from help_requests h join kiosks k on k.id = h.kiosk_id left join staff s on s.id = h.taken_by
    where h.location = ${location} and h.done_at is null
    order by h.created_at`
}

/**
 * Staff mark a request of their own location taken or done; a request elsewhere is not found. True when
 * something changed.
 */
export async function updateHelpRequest(id: string, change: 'taken' | 'done', staff: Pick<Staff, 'id'>, location: string): Promise<boolean> {
  return sql().begin(async (tx) => {
    const done = change === 'taken'
      ? await tx`update help_requests set taken_at = now(), taken_by = ${staff.id}
          where id = ${id} and location = ${location} and done_at is null and taken_at is null`
      : await tx`update help_requests set done_at = now(), done_by = ${staff.id}, taken_at = coalesce(taken_at, now()), taken_by = coalesce(taken_by, ${staff.id})
          where id = ${id} and location = ${location} and done_at is null`
    if (done.count > 0) await notify(tx, { id, location, change })
    return done.count > 0
  })
}

/** A staff member unlocking assisted mode at a kiosk has come to help: its open request is theirs. */
export async function takeOpenRequestOf(kiosk: Kiosk, staff: Pick<Staff, 'id'>): Promise<void> {
  const [open] = await sql()<{ id: string }[]>`select id from help_requests where kiosk_id = ${kiosk.id} and done_at is null and taken_at is null`
  if (open) await updateHelpRequest(open.id, 'taken', staff, kiosk.location)
}

/** Help requests per location: today (in the municipality's time zone) and the last 30 days. */
export async function helpRequestCounts(timeZone: string): Promise<{ location: string; today: number; last30: number }[]> {
  return sql()<{ location: string; today: number; last30: number }[]>`
    select location,
      count(*) filter (where (created_at at time zone ${timeZone})::date = (now() at time zone ${timeZone})::date)::int as today,
      count(*) filter (where created_at > now() - interval '30 days')::int as last30
    from help_requests group by location order by location`
}
