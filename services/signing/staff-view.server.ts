import type { StaffRole } from '../auth/staff.server.ts'
import { getSignature } from './signatures.server.ts'

/**
 * The roles that handle cases and so need the signer's full personnummer to act on them. An administrator
 * opens cases to put things right, not to handle them: they see it masked unless the case is theirs.
 */
export const SIGNER_ID_ROLES: readonly StaffRole[] = ['handlaggare', 'teamledare', 'forvaltning']

export type StaffSignature = { name: string; personnummer: string; masked: boolean; signedAt: string; contentHash: string }

const shown = (pn: string, full: boolean) => `${pn.slice(0, 8)}-${full ? pn.slice(8) : '****'}`

/** A personnummer on a staff page: in full for the roles that handle cases and for the case's own handler, else masked. */
export function personnummerForStaff(member: { id: string; role: StaffRole }, pn: string, assigneeId: string | null) {
  const full = SIGNER_ID_ROLES.includes(member.role) || assigneeId === member.id
  return { value: shown(pn, full), masked: !full }
}

/** The BankID signature of a case as the staff case page shows it; null for a case that was not signed. */
export async function signatureForStaff(member: { id: string; role: StaffRole }, caseId: string, assigneeId: string | null): Promise<StaffSignature | null> {
  const s = await getSignature(caseId)
  if (!s) return null
  const { value, masked } = personnummerForStaff(member, s.personnummer, assigneeId)
  return { name: s.name, personnummer: value, masked, signedAt: s.signedAt.toISOString(), contentHash: s.contentHash }
}
