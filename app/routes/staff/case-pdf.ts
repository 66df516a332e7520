import { getCase } from '#services/cases/queries.server.ts'
import { redactionFor, withCurrentSensitivity } from '#services/cases/sensitive.ts'
import { formById } from '#services/forms/registry.server.ts'
import { sql } from '#services/db/sql.server.ts'
import { pdfResponse, receiptPdf } from '../eservice/receipt.server.ts'
import { openCasePdf } from './case-pdf-access.server.ts'
import type { Route } from './+types/case-pdf'

export async function loader({ request, params }: Route.LoaderArgs) {
  const { member, pdfSource: c } = await openCasePdf(request, params.caseId, 'kvitto', () => getCase(params.caseId))
  const [state] = await sql()<{ team: string | null }[]>`select team from case_state where case_id = ${c.id}`
  // Sensitive answers and files hidden as on the case page, by the same rule (services/cases/sensitive.ts).
  const shown = { ...c, definition: withCurrentSensitivity(c.definition, formById(c.formId)) }
  return pdfResponse(await receiptPdf(shown, c.locale, redactionFor(member, state?.team ?? c.team)), `kvitto-${c.number}.pdf`)
}
