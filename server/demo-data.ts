import { felanmalan } from '#forms/felanmalan/index.ts'
import { createStaff } from '#services/auth/staff.server.ts'
import { setStaffScope } from '#services/auth/teams.server.ts'
import { municipality, todayIso } from '#services/config/municipality.server.ts'
import { sql } from '#services/db/sql.server.ts'
import { createDraft, saveDraftAnswers } from '#services/cases/drafts.server.ts'
import { createSession } from '#services/auth/session.server.ts'
import { receiveDraft } from '#services/cases/receive.server.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts'


const DEMO_REPORTS = [
  { category: 'gatubelysning', address: { street: 'Bollmora allé 2', postcode: '135 40', city: 'Tyresö' }, description: 'Gatlampan utanför porten har varit släckt i tre kvällar.' },
  { category: 'lekplats', point: { lat: 59.2436, lon: 18.2285 }, description: 'Gungan på lekplatsen har en trasig kedja, barn kan skada sig.', wantsFeedback: true, email: 'anna@example.com' },
  { category: 'klotter', address: { street: 'Tyresö centrum', postcode: '135 40', city: 'Tyresö' }, description: 'Stötande klotter på väggen vid busshållplatsen.' },
]

/** Seeds the demo staff accounts that are missing and a few received fault reports, once. */
export async function loadDemoData(): Promise<void> {
  await loadDemoAccounts()
  const [cases] = await sql()<{ n: number }[]>`select count(*)::int as n from cases`
  if ((cases?.n ?? 0) > 0) return
  const request = new Request('http://localhost/')
  for (const answers of DEMO_REPORTS) {
    const { session } = await createSession(request, 'visitor')
    const draft = await createDraft(session.tokenHash, felanmalan)
    await saveDraftAnswers(draft.id, answers)
    await receiveDraft({ draftId: draft.id, sessionHash: session.tokenHash, def: felanmalan, ctx: { locale: 'sv', today: todayIso(), bounds: municipality().bounds } })
  }
}

/**
 * Each demo account once, by its e-mail address: one an administrator changed or stopped is left as it is.
 * Demo data from before the demo admin existed made the handläggare an admin; it becomes what its name says.
 */
async function loadDemoAccounts(): Promise<void> {
  await sql()`update staff set role = 'handlaggare' where lower(email) = ${DEMO_ACCOUNTS.handlaggare.email} and role = 'admin'`
  for (const account of Object.values(DEMO_ACCOUNTS)) {
    const [exists] = await sql()`select 1 from staff where lower(email) = ${account.email}`
    if (exists) continue
    const staff = await createStaff({ email: account.email, name: account.name, role: account.role, password: DEMO_PASSWORD })
    await setStaffScope(staff.id, { teams: [...account.teams], department: null })
  }
}
