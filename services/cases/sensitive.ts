import { REDACTED_FILE, type FormDefinition, type Sensitivity } from '#forms/kit/index.ts'
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

/** What a staff member who may not see an attachment is shown instead of its name (case page, PDF). */
export const HIDDEN_ATTACHMENT = REDACTED_FILE.sv

/**
 * A case's definition snapshot with every field the e-service's current definition marks sensitive marked so
 * too: a case received before a field was marked (the parkeringstillstånd certificate) keeps its old snapshot,
 * but its answer is no less a health record. Nothing else of the snapshot changes.
 */
export function withCurrentSensitivity(snapshot: FormDefinition, current: FormDefinition | undefined): FormDefinition {
  const marked = new Map<string, Sensitivity>()
  for (const f of current?.pages.flatMap((p) => p.fields) ?? []) if (f.sensitive) marked.set(f.id, f.sensitive)
  if (marked.size === 0) return snapshot
  return {
    ...snapshot,
    pages: snapshot.pages.map((p) => ({
      ...p, fields: p.fields.map((f) => (f.sensitive || !marked.has(f.id) ? f : { ...f, sensitive: marked.get(f.id) })),
    })),
  }
}

/**
 * How sensitive a case's attachment is, from the file field it was uploaded to. Files sent with a supplement or
 * a message answer whatever the handläggare asked for, often a certificate: on an e-service that asks for health
 * data they count as health data too.
 */
export function attachmentSensitivity(fieldId: string, definition: FormDefinition): Sensitivity | null {
  const fields = definition.pages.flatMap((p) => p.fields)
  const field = fields.find((f) => f.id === fieldId)
  if (!field) return fields.some((f) => f.sensitive === 'health') ? 'health' : null
  return field.sensitive ?? null
}

/** Whether the member may open the attachment: its sensitivity is not one hidden from them on this case. */
export function mayOpenAttachment(member: { role: StaffRole; teams: readonly string[] }, caseTeam: string | null, sensitivity: Sensitivity | null): boolean {
  return sensitivity === null || !redactionFor(member, caseTeam).includes(sensitivity)
}
