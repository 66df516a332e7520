import { randomBytes } from 'node:crypto'
import { felanmalan } from '#forms/felanmalan/index.ts'
import type { FormDefinition } from '#forms/kit/index.ts'
import { createSession } from '#services/auth/session.server.ts'
import { createStaff, type Staff, type StaffRole } from '#services/auth/staff.server.ts'
import { setStaffScope } from '#services/auth/teams.server.ts'
import { createDraft, saveDraftAnswers } from '#services/cases/drafts.server.ts'
import { receiveDraft } from '#services/cases/receive.server.ts'

/** Integration-test helpers for case handling: received cases and staff with roles, teams and departments. */

export const CTX = { locale: 'sv' as const, today: '2026-11-22', bounds: { minLat: 59.17, maxLat: 59.31, minLon: 18.2, maxLon: 18.47 } }

export const FAULT = {
  category: 'klotter', address: { street: 'Storgatan 1', postcode: '135 40', city: 'Tyresö' },
  description: 'Klotter på väggen vid busshållplatsen.',
}

/** A routine e-service the servicecenter may decide, for tests only (no registered form allows it yet). */
export const ROUTINE: FormDefinition = {
  id: 'provtjanst', version: 1, caseNumberPrefix: 'PROV', identification: 'none', sign: false,
  title: { sv: 'Tillstånd för braskamin', en: 'Wood stove permit' },
  description: { sv: 'Test', en: 'Test' },
  routing: { team: 'trafik', department: 'samhallsbyggnad' },
  decision: {
    byServicecenter: true, appealable: true,
    matter: { sv: 'tillstånd för braskamin', en: 'a wood stove permit' },
    legalGround: { sv: 'Beslutet är fattat enligt kommunens föreskrifter om eldstäder.', en: 'The decision is made under the municipality’s rules for fireplaces.' },
    appealRoute: { sv: 'Länsstyrelsen prövar överklagandet.', en: 'The county administrative board reviews the appeal.' },
  },
  // Letters go to the applicant's address where they gave one (ADR 034).
  postal: { address: 'address', name: 'name' },
  checks: [{ id: 'sotare', label: { sv: 'Sotarens intyg finns', en: 'Chimney sweep certificate' } }],
  handlingDays: 5,
  afterReceipt: { sv: 'Svar inom {days} dagar.', en: 'An answer within {days} days.' },
  pages: [{
    id: 'uppgifter', title: { sv: 'Uppgifter', en: 'Details' },
    fields: [
      { id: 'name', kind: 'text', label: { sv: 'Namn', en: 'Name' } },
      { id: 'email', kind: 'email', optional: true, label: { sv: 'E-post', en: 'Email' } },
      { id: 'address', kind: 'address', optional: true, label: { sv: 'Postadress', en: 'Postal address' } },
      { id: 'description', kind: 'textarea', label: { sv: 'Beskrivning', en: 'Description' } },
    ],
  }],
}

export async function receiveCase(
  answers: Record<string, unknown> = FAULT,
  opts: {
    def?: FormDefinition; channel?: string; location?: string; applicant?: { personnummer?: string; name?: string; libraryCard?: string }
    registeredBy?: { id: string; name: string }; assistedBy?: { id: string; name: string }
  } = {},
) {
  const def = opts.def ?? felanmalan
  const { session } = await createSession(new Request('http://x/'), 'visitor')
  const draft = await createDraft(session.tokenHash, def)
  await saveDraftAnswers(draft.id, answers)
  const r = await receiveDraft({ draftId: draft.id, sessionHash: session.tokenHash, def, ctx: CTX, ...opts })
  if (r.kind !== 'received') throw new Error(`not received: ${JSON.stringify(r)}`)
  return r.case
}

export async function makeStaff(role: StaffRole, scope: { teams?: string[]; department?: string | null; name?: string } = {}): Promise<Staff> {
  const staff = await createStaff({
    email: `${role}-${randomBytes(4).toString('hex')}@test.invalid`, name: scope.name ?? `Test ${role}`, role, password: 'ett långt lösenord',
  })
  await setStaffScope(staff.id, { teams: scope.teams ?? [], department: scope.department ?? null })
  return staff
}
