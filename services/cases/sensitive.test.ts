import { describe, expect, it } from 'vitest'
import { summarise } from '../../forms/kit/index.ts'
import { trygghetslarm } from '../../forms/trygghetslarm/index.ts'
import { redactionFor } from './sensitive.ts'

const answers = {
  applyingFor: 'self', applicantName: 'Margareta Testsson', applicantPnr: '195603149989',
  address: { street: 'Bollmora allé 1', postcode: '135 81', city: 'Tyresö' }, doorCode: '4711', housing: 'ordinart', phone: '+46701234567',
  healthNeeds: ['walkingAid', 'falls'], healthNotes: 'Diabetes', pets: 'En katt', alreadyCovered: 'no',
}
const rows = (member: Parameters<typeof redactionFor>[0], team: string | null) =>
  Object.fromEntries(summarise(trygghetslarm, answers, 'sv', { redact: redactionFor(member, team) }).flatMap((s) => s.rows).map((r) => [r.fieldId, r.value]))
const PROTECTED = 'Skyddad uppgift – visas bara för behörig personal'

describe('who sees health, mobility, pets and door codes on a case', () => {
  it('shows them to a handläggare on the case’s team, a teamledare and an admin', () => {
    for (const [member, team] of [[{ role: 'handlaggare', teams: ['social'] }, 'social'], [{ role: 'teamledare', teams: [] }, 'social'], [{ role: 'admin', teams: [] }, null]] as const) {
      const r = rows(member, team)
      expect(r.healthNotes).toBe('Diabetes')
      expect(r.pets).toBe('En katt')
      expect(r.doorCode).toBe('4711')
      expect(r.healthNeeds).toMatch(/rollator/)
    }
  })

  it('hides them from a handläggare on another team and from förvaltning users, and leaves the rest', () => {
    for (const [member, team] of [[{ role: 'handlaggare', teams: ['teknik'] }, 'social'], [{ role: 'forvaltning', teams: ['social'] }, 'social']] as const) {
      const r = rows(member, team)
      for (const id of ['healthNeeds', 'healthNotes', 'pets', 'doorCode']) expect(r[id]).toBe(PROTECTED)
      expect(r.phone).not.toBe(PROTECTED)
      expect(r.applicantName).toBe('Margareta Testsson')
    }
  })
})
