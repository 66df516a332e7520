import { spreadsheetText, toCsv } from '../../../services/cases/stats.server.ts'
import { exportedTable } from './stats-export.server.ts'
import { cellText } from './stats-format.ts'
import type { Route } from './+types/stats-csv'

/**
 * One statistics table as CSV for Swedish Excel: semicolons between cells, decimal commas, UTF-8 with a
 * byte-order mark (so Excel shows å, ä and ö).
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { table, fileName } = await exportedTable(request, 'csv')
  const rows = table.rows.map((r) => r.map((c) => spreadsheetText(cellText(c))))
  return new Response(`\uFEFF${toCsv(table.header, rows, ';')}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
