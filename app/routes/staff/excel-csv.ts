import { spreadsheetText, toCsv } from '#services/cases/stats.server.ts'

/**
 * A staff download as CSV for Swedish Excel: semicolons between cells, UTF-8 with a byte-order mark (so Excel
 * shows å, ä and ö), every cell made safe as text (nothing runs as a formula). Private, never cached.
 */
export function excelCsv(header: string[], rows: string[][], fileName: string): Response {
  return new Response(`\uFEFF${toCsv(header, rows.map((r) => r.map(spreadsheetText)), ';')}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
