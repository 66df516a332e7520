import { excelCsv } from './excel-csv.ts'
import { exportedTable } from './stats-export.server.ts'
import { cellText } from './stats-format.ts'
import type { Route } from './+types/stats-csv'

/** One statistics table as CSV for Swedish Excel, with decimal commas. */
export async function loader({ request }: Route.LoaderArgs) {
  const { table, fileName } = await exportedTable(request, 'csv')
  return excelCsv(table.header, table.rows.map((r) => r.map(cellText)), fileName)
}
