import { data } from 'react-router'
import { audit } from '#services/audit/audit.server.ts'
import { LEAD_ROLES, requireMember } from '#services/auth/teams.server.ts'
import { periodFrom, statsTables } from './stats-tables.server.ts'

/**
 * One statistics table for download, as the page shows it (same roles, same period), audited: the CSV and the
 * xlsx routes differ only in the file they write. 404 for a table that does not exist.
 */
export async function exportedTable(request: Request, format: 'csv' | 'xlsx') {
  const member = await requireMember(request, LEAD_ROLES)
  const url = new URL(request.url)
  const p = periodFrom(url.searchParams)
  const { tables } = await statsTables(p)
  const table = tables.find((tb) => tb.id === url.searchParams.get('tabell'))
  if (!table) throw data(null, { status: 404 })
  await audit(member.id, 'statistics.export', { details: { table: table.id, from: p.from, to: p.to, format } })
  return { table, fileName: `statistik-${table.id}-${p.from}-${p.to}.${format}` }
}
