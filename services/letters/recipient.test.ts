import { describe, expect, it } from 'vitest'
import { felanmalan } from '#forms/felanmalan/index.ts'
import { foreningsbidrag } from '#forms/foreningsbidrag/index.ts'
import { trygghetslarm } from '#forms/trygghetslarm/index.ts'
import { postalRecipient } from './recipient.ts'

describe('where a letter goes', () => {
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
