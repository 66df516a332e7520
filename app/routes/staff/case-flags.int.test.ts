import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { receiveTrygghetslarm, SIXTY } from '#tests/trygghetslarm-case.ts'
import { createStaff } from '#services/auth/staff.server.ts'
import type { StaffRole } from '#services/auth/staff.server.ts'
import { loadScope, setStaffScope, type StaffMember } from '#services/auth/teams.server.ts'
import { openCase } from '#services/cases/case-view.server.ts'
import { caseLoaderData } from './case-data.server.ts'

let drop: () => Promise<void>
beforeAll(async () => ({ drop } = await freshDatabase()))
afterAll(() => drop())

async function member(name: string, role: StaffRole, teams: string[]): Promise<StaffMember> {
  const s = await createStaff({ email: `${name.toLowerCase()}@tyreso.se`, name, role, password: 'ett långt lösenord' })
  await setStaffScope(s.id, { teams, department: null })
  return { ...s, ...(await loadScope(s.id)) }
}

async function staffView(m: StaffMember, caseId: string) {
  const v = await openCase(m, caseId, { audit: false })
  if (!v) throw new Error('case not visible')
  const d = caseLoaderData(m, v, [])
  const rows = Object.fromEntries(d.sections.flatMap((s) => s.rows).map((r) => [r.fieldId, r.value]))
  return { d, rows }
}

describe('a flagged application on the staff case page', () => {
  it('shows the flag with its reason, the team it went to, and what the automatic checks found', async () => {
    const caseId = await receiveTrygghetslarm(SIXTY)
    const { d } = await staffView(await member('Berit', 'handlaggare', ['bistand']), caseId)
    expect(d.team).toBe('Biståndshandläggning')
    expect(d.flags).toEqual([{ id: 'underMinAge', label: 'Villkor', reason: 'Sökanden är 60 år, yngre än 65 år som gäller utan biståndsbedömning', manual: false }])
    const checks = Object.fromEntries(d.checklist.map((i) => [i.id, i.status ?? i.ok]))
    expect(checks).toMatchObject({ 'page:bostad': true, 'flag:underMinAge': 'Behöver bedömas', 'flag:notOrdinaryHousing': 'Klar' })
  })

  it('shows health, pets and the door code to the case’s team and a teamledare, and hides them from another team', async () => {
    const caseId = await receiveTrygghetslarm(SIXTY)
    for (const m of [await member('Cecilia', 'handlaggare', ['bistand']), await member('Dan', 'teamledare', [])]) {
      const { rows } = await staffView(m, caseId)
      expect([rows.healthNotes, rows.pets, rows.doorCode]).toEqual(['Diabetes', 'En katt', '4711'])
    }
    const { rows } = await staffView(await member('Erik', 'handlaggare', ['teknik']), caseId)
    for (const id of ['healthNeeds', 'healthNotes', 'pets', 'doorCode']) expect(rows[id]).toMatch(/^Skyddad uppgift/)
    expect(rows.applicantName).toBe('Testperson')
  })

  it('shows the applicant’s personnummer in full to those who handle cases, and masked to an administrator', async () => {
    const caseId = await receiveTrygghetslarm(SIXTY)
    const { d: handler } = await staffView(await member('Fia', 'handlaggare', ['bistand']), caseId)
    expect(handler.applicant?.personnummer).toMatch(/^\d{8}-\d{4}$/)
    const { d: admin } = await staffView(await member('Gun', 'admin', []), caseId)
    expect(admin.applicant?.personnummer).toMatch(/^\d{8}-\*{4}$/)
    expect(admin.applicant?.personnummer?.slice(0, 8)).toBe(handler.applicant?.personnummer?.slice(0, 8))
  })
})
