import { accessLogRows, ACCESS_LOG_HEADER } from './access-log-rows.ts'
import { postedLookup } from './access-log-form.server.ts'
import { excelCsv } from './excel-csv.ts'
import type { Route } from './+types/access-log-csv'

/**
 * The access log for one personnummer or case as CSV: semicolons and a byte-order mark, so Swedish Excel opens
 * it with å, ä and ö in their columns. Posted from the page's button (CSRF, roles as the page); audited as a lookup.
 */
export async function action({ request }: Route.ActionArgs) {
  const r = await postedLookup(request, 'csv')
  if (!r.result) return new Response(r.error, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  // The date, never the personnummer: file names end up in download lists and synced folders (ADR 021).
  return excelCsv(ACCESS_LOG_HEADER, accessLogRows(r.result.entries), `atkomstlogg-${new Date().toISOString().slice(0, 10)}.csv`)
}

// Reached by its form only; a GET (a typed address) finds nothing here.
export function loader() {
  throw new Response(null, { status: 405, headers: { Allow: 'POST' } })
}
