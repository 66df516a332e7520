import { data } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { requireMember } from '#services/auth/teams.server.ts'
import { maySee } from '#services/cases/case-view.server.ts'
import { exportArchive, zipResponse } from '#services/retention/archive.server.ts'
import { ARCHIVE_ROLES } from '#services/retention/settings.ts'
import type { Route } from './+types/archive-package'

/**
 * One case's archive package (issue 10): a post, since the export is recorded (it lets an "archive first"
 * case be deleted), answered with the zip itself.
 */
export async function action({ request, params }: Route.ActionArgs) {
  const member = await requireMember(request, [...ARCHIVE_ROLES])
  await readForm(request)
  if (!(await maySee(member, params.caseId))) throw data(null, { status: 404 })
  // Recorded and audited by exportArchive.
  const exported = await exportArchive([params.caseId], member.id)
  if (!exported) throw data(null, { status: 404 })
  return zipResponse(exported.zip, `arkivpaket-${exported.numbers[0]}.zip`)
}

export function loader() {
  throw data(null, { status: 405 })
}
