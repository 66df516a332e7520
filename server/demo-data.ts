import { felanmalan } from '../forms/felanmalan/index.ts'
import { createStaff } from '../services/auth/staff.server.ts'
import { setStaffScope } from '../services/auth/teams.server.ts'
import { municipality, todayIso } from '../services/config/municipality.server.ts'
import { sql } from '../services/db/sql.server.ts'
import { createDraft, saveDraftAnswers } from '../services/cases/drafts.server.ts'
import { createSession } from '../services/auth/session.server.ts'
import { receiveDraft } from '../services/cases/receive.server.ts'

/** The demo staff login, for local demos only; never created when APP_ENV=production. */
export const DEMO_STAFF = { email: 'handlaggare@demo.invalid', password: 'demo-servicecenter', name: 'Demo Handläggare' } as const

const DEMO_REPORTS = [
  { category: 'gatubelysning', placeType: 'address', address: { street: 'Bollmora allé 2', postcode: '135 40', city: 'Tyresö' }, description: 'Gatlampan utanför porten har varit släckt i tre kvällar.' },
  { category: 'lekplats', placeType: 'point', point: { lat: 59.2436, lon: 18.2285 }, description: 'Gungan på lekplatsen har en trasig kedja, barn kan skada sig.', wantsFeedback: true, email: 'anna@example.com' },
  { category: 'klotter', placeType: 'address', address: { street: 'Tyresö centrum', postcode: '135 40', city: 'Tyresö' }, description: 'Stötande klotter på väggen vid busshållplatsen.' },
]

/** Seeds a demo staff account and a few received fault reports, once. */
export async function loadDemoData(): Promise<void> {
  const [staff] = await sql()<{ n: number }[]>`select count(*)::int as n from staff`
  if (staff?.n === 0) {
    const demo = await createStaff({ ...DEMO_STAFF, role: 'admin' })
    // In every team, so "Ta nästa ärende" has work in the demo.
    await setStaffScope(demo.id, { teams: municipality().teams.map((t) => t.id), department: null })
  }
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
