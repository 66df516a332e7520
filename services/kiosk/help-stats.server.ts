import { inPeriod, type Period } from '../cases/stats.server.ts'
import { sql } from '../db/sql.server.ts'
import { locations } from './locations.server.ts'

export type HelpCount = { location: string; name: string; requests: number; medianMinutesToStaff: number | null }

/**
 * "Få hjälp av personal" per location in a period (issue 6's statistics): how many asked, and the median
 * time until staff took the request. Every location of the profile is listed, those without requests as 0.
 */
export async function helpRequestsPerLocation(p: Pick<Period, 'from' | 'to'>): Promise<HelpCount[]> {
  const rows = await sql()<{ location: string; requests: number; medianMinutesToStaff: number | null }[]>`
    select h.location, count(*)::int as requests,
      percentile_cont(0.5) within group (order by extract(epoch from h.taken_at - h.created_at) / 60)
        filter (where h.taken_at is not null) as "medianMinutesToStaff"
    from help_requests h where ${inPeriod('h.created_at', p)}
    group by h.location`
  const known = locations().map((l) => ({ id: l.id, name: l.name }))
  // A location since removed from the profile still counts, under its id.
  for (const r of rows) if (!known.some((l) => l.id === r.location)) known.push({ id: r.location, name: r.location })
  return known.map((l) => {
    const r = rows.find((x) => x.location === l.id)
    return { location: l.id, name: l.name, requests: r?.requests ?? 0, medianMinutesToStaff: r?.medianMinutesToStaff ?? null }
  })
}
