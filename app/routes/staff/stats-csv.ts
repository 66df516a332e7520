import { data } from 'react-router'
import { audit } from '../../../services/audit/audit.server.ts'
import { LEAD_ROLES, requireMember } from '../../../services/auth/teams.server.ts'
import { toCsv } from '../../../services/cases/stats.server.ts'
import { periodFrom, statsTables } from './stats-tables.server.ts'
import type { Route } from './+types/stats-csv'

/** One statistics table as CSV (UTF-8 with a byte-order mark, so Excel shows å, ä and ö). */
export async function loader({ request }: Route.LoaderArgs) {
  const member = await requireMember(request, LEAD_ROLES)
  const url = new URL(request.url)
  const p = periodFrom(url.searchParams)
  const { tables } = await statsTables(p)
  const table = tables.find((tb) => tb.id === url.searchParams.get('tabell'))
  if (!table) throw data(null, { status: 404 })
  await audit(member.id, 'statistics.export', { details: { table: table.id, from: p.from, to: p.to } })
  return new Response(`\uFEFF${toCsv(table.header, table.rows)}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="statistik-${table.id}-${p.from}-${p.to}.csv"`,
    },
  })
}
