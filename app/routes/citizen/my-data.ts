import { data } from 'react-router'
import { auditCitizen } from '#services/audit/audit.server.ts'
import { requireCitizen } from '#services/auth/citizen.server.ts'
import { collectRegisterExtract } from '#services/extract/collect.server.ts'
import { withoutStaffNames } from '#services/extract/types.ts'
import { extractResponse, isExtractFormat } from '../extract/extract-response.server.ts'
import type { Route } from './+types/my-data'

/**
 * "Ladda ner mina uppgifter": the logged-in citizen's own data (GDPR art. 15) as PDF or JSON, with the roles
 * and departments that handled it but no staff names. The person comes from the BankID session only, never
 * from the address. Audited as the citizen's own request before anything is read.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await requireCitizen(request)
  if (!isExtractFormat(params.format)) throw data(null, { status: 404 })
  const pnr = session.person.personnummer
  await auditCitizen('register.extract.self', pnr, { format: params.format, ...(context.kiosk ? { kiosk: context.kiosk.location } : {}) })
  const extract = withoutStaffNames(await collectRegisterExtract(pnr))
  return extractResponse(extract, params.format, { inline: !!context.kiosk, baseName: 'mina-uppgifter' })
}
