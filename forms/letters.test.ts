import { describe, expect, it } from 'vitest'
import { foreningsbidrag } from './foreningsbidrag/index.ts'
import { parkeringstillstand } from './parkeringstillstand/index.ts'
import { trygghetslarm } from './trygghetslarm/index.ts'
import { felanmalan } from './felanmalan/index.ts'
import { postalRecipient } from '../services/letters/recipient.ts'

describe('what the decided applications tell their letters', () => {
  it.each([trygghetslarm, parkeringstillstand, foreningsbidrag])('$id names the matter, the legal ground and the appeal route in both languages', (def) => {
    for (const key of ['matter', 'legalGround', 'appealRoute'] as const) {
      expect(def.decision[key].sv.length, `${def.id} ${key}`).toBeGreaterThan(0)
      expect(def.decision[key].en.length, `${def.id} ${key}`).toBeGreaterThan(0)
    }
    // "Din ansökan om <matter>" must not repeat the verb of the title ("Ansök om …").
    expect(def.decision.matter.sv).not.toMatch(/^ansök/i)
  })

  it('addresses a letter to the person the application is for at the address they gave, and never to a fault’s place', () => {
    const address = { street: 'Björkvägen 12', postcode: '135 40', city: 'Tyresö' }
    expect(postalRecipient({ definition: trygghetslarm, answers: { applicantName: 'Greta Persson', address }, applicant: { name: 'Ombudet Olsson' } }))
      .toEqual({ name: 'Greta Persson', ...address })
    expect(postalRecipient({ definition: foreningsbidrag, answers: { associationName: 'Tyresö IF', address }, applicant: { name: 'Kassören' } }))
      .toMatchObject({ name: 'Tyresö IF' })
    expect(postalRecipient({ definition: trygghetslarm, answers: { applicantName: 'Greta Persson' }, applicant: null })).toBeNull()
    expect(postalRecipient({ definition: felanmalan, answers: { name: 'Greta', address }, applicant: null })).toBeNull()
  })
})
