import type { Sensitivity } from '../../forms/kit/index.ts'
import type { StaffRole } from '../auth/staff.server.ts'

const ALL: Sensitivity[] = ['health', 'code']

/**
 * Which sensitive answers a staff member must not see on a case (summarise's `redact`). Health data is
 * special category data (GDPR art. 9, OSL 26:1) and door codes open homes: only those who handle the
 * case need them — a handläggare on the team the case is with, or a teamledare or admin, who answer for
 * every team. A handläggare on another team and förvaltning users never see them.
 */
export function redactionFor(member: { role: StaffRole; teams: readonly string[] }, caseTeam: string | null): Sensitivity[] {
  if (member.role === 'teamledare' || member.role === 'admin') return []
  if (member.role === 'handlaggare' && caseTeam !== null && member.teams.includes(caseTeam)) return []
  return ALL
}
