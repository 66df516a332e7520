import ExcelJS from 'exceljs'
import { exportedTable } from './stats-export.server.ts'
import type { Route } from './+types/stats-xlsx'

/**
 * One statistics table as an Excel workbook: numbers stay numbers (Excel shows them with the reader's decimal
 * sign), text is text, so nothing is read as a formula. Written by exceljs (pinned, ADR 032).
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { table, fileName } = await exportedTable(request, 'xlsx')
  const wb = new ExcelJS.Workbook()
  // A sheet name may hold 31 characters and none of : \ / ? * [ ].
  const sheet = wb.addWorksheet(table.id.slice(0, 31))
  sheet.addRow([table.title]).font = { bold: true }
  sheet.addRow(table.header).font = { bold: true }
  for (const row of table.rows) sheet.addRow(row)
  sheet.columns.forEach((col) => { col.width = 24 })
  const body = Buffer.from(await wb.xlsx.writeBuffer())
  return new Response(body, {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
