import { describe, expect, it } from 'vitest'
import { felanmalan } from '#forms/felanmalan/index.ts'
import { summarise, type Sensitivity } from '#forms/kit/index.ts'
import { parkeringstillstand } from '#forms/parkeringstillstand/index.ts'
import { trygghetslarm } from '#forms/trygghetslarm/index.ts'
import { attachmentSensitivity, HIDDEN_ATTACHMENT, mayOpenAttachment, redactionFor, withCurrentSensitivity } from './sensitive.ts'

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

describe('sensitive files', () => {
  // A snapshot taken before the certificate was marked: the field as it was, without `sensitive`.
  const unmarked = {
    ...parkeringstillstand,
    pages: parkeringstillstand.pages.map((p) => ({ ...p, fields: p.fields.map((f) => (f.id === 'certificate' ? { ...f, sensitive: undefined } : f)) })),
  }
  const certificate = { certificate: [{ id: 'f1', name: 'intyg-diabetes.pdf', mime: 'application/pdf', size: 2048 }] }

  it('takes the current definition’s mark for a case received before it, and counts supplements on a health e-service as health', () => {
    expect(attachmentSensitivity('certificate', unmarked)).toBeNull()
    const read = withCurrentSensitivity(unmarked, parkeringstillstand)
    expect(attachmentSensitivity('certificate', read)).toBe('health')
    expect(attachmentSensitivity('powerOfAttorney', read)).toBe('health')
    expect(attachmentSensitivity('photo', read)).toBeNull()
    expect(attachmentSensitivity('supplement:4', read)).toBe('health')
    expect(attachmentSensitivity('supplement:4', felanmalan)).toBeNull()
  })

  it('lets only those who handle the case open them, and names them neutrally to everyone else', () => {
    expect(mayOpenAttachment({ role: 'handlaggare', teams: ['trafik'] }, 'trafik', 'health')).toBe(true)
    expect(mayOpenAttachment({ role: 'handlaggare', teams: ['teknik'] }, 'trafik', 'health')).toBe(false)
    expect(mayOpenAttachment({ role: 'forvaltning', teams: [] }, 'trafik', 'health')).toBe(false)
    expect(mayOpenAttachment({ role: 'forvaltning', teams: [] }, 'trafik', null)).toBe(true)
    const shown = (redact: Sensitivity[]) =>
      summarise(withCurrentSensitivity(unmarked, parkeringstillstand), certificate, 'sv', { redact }).flatMap((s) => s.rows).find((r) => r.fieldId === 'certificate')!.value
    expect(shown(['health', 'code'])).toBe(HIDDEN_ATTACHMENT)
    expect(shown([])).toMatch(/intyg-diabetes\.pdf/)
  })
})
