import { data } from 'react-router'
import { audit } from '#services/audit/audit.server.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { requireStaff } from '#services/auth/require-staff.server.ts'
import { collectRegisterExtract } from '#services/extract/collect.server.ts'
import { extractResponse, isExtractFormat } from '../extract/extract-response.server.ts'
import { EXTRACT_ROLES } from './register-extract-roles.ts'
import { readExtractInput } from './register-extract-input.server.ts'
import type { Route } from './+types/register-extract-file'

/** The register extract's PDF or JSON, posted from /servicecenter/registerutdrag; each download is audited. */
export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request, EXTRACT_ROLES)
  const form = await readForm(request)
  const format = form.get('format')
  const r = readExtractInput(form)
  if (!r.ok || !isExtractFormat(format)) throw data('Registerutdraget kunde inte skapas: skapa det på nytt från sidan Registerutdrag.', { status: 400 })
  await audit(staff.id, 'register.extract', { details: { personnummer: r.input.personnummer, libraryCard: r.input.libraryCard, format } })
  const x = await collectRegisterExtract(r.input.personnummer, r.input)
  return extractResponse(x, format, { inline: false, baseName: 'registerutdrag' })
}

/** Nothing to show on a GET: the form lives on the page. */
export async function loader() {
  throw data(null, { status: 405 })
}
