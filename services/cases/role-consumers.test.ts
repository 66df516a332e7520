import { describe, expect, it } from 'vitest'
import { felanmalan } from '#forms/felanmalan/index.ts'
import { foreningsbidrag } from '#forms/foreningsbidrag/index.ts'
import { nyinflyttad } from '#forms/nyinflyttad/index.ts'
import { trygghetslarm } from '#forms/trygghetslarm/index.ts'
import { postalRecipient } from '#services/letters/recipient.ts'
import { citizenEmail } from '#services/mail/notify.server.ts'
import { callerFields } from './caller-fields.ts'

const address = { street: 'Storgatan 1', postcode: '135 40', city: 'Tyresö' }

/** The consumers of the answer roles (ADR 040): each reads the role the definition declares, never a guessed field. */
describe('consumers of the answer roles', () => {
  it('the receipt and case mail go to the role’s e-mail: föreningsbidrag’s signer, not the first e-mail question', () => {
    const answers = { chairEmail: 'ordf@ifk.se', treasurerEmail: 'kassor@ifk.se', signerRole: 'treasurer' }
    expect(citizenEmail({ definition: foreningsbidrag, answers, applicant: { name: 'Kim Kassör' } })).toBe('kassor@ifk.se')
    expect(citizenEmail({ definition: foreningsbidrag, answers: { ...answers, signerRole: 'chair' }, applicant: null })).toBe('ordf@ifk.se')
    expect(citizenEmail({ definition: felanmalan, answers: { email: 'anna@example.se' }, applicant: null })).toBe('anna@example.se')
    // No e-mail role answered: the identity's address, else none.
    expect(citizenEmail({ definition: trygghetslarm, answers: {}, applicant: { email: 'greta@example.se' } })).toBe('greta@example.se')
    expect(citizenEmail({ definition: felanmalan, answers: { email: 'not-an-address' }, applicant: null })).toBeNull()
  })

  it('staff registering for a caller ask the applicant roles in the e-service’s place', () => {
    expect(callerFields(trygghetslarm)).toEqual({ name: 'applicantName', personnummer: 'applicantPnr' })
    expect(callerFields(felanmalan)).toEqual({ name: 'name' })
    expect(callerFields(foreningsbidrag)).toEqual({})
  })

  it('a letter goes to the address role, addressed to the association or the applicant', () => {
    expect(postalRecipient({ definition: nyinflyttad, answers: { name: 'Nils Ny', address }, applicant: null })).toEqual({ name: 'Nils Ny', ...address })
    expect(postalRecipient({ definition: foreningsbidrag, answers: { associationName: 'IFK Tyresö', chairName: 'Ordf', address }, applicant: { name: 'Kim' } }))
      .toEqual({ name: 'IFK Tyresö', ...address })
    // A case received before roles keeps its snapshot's postal declaration.
    const { roles: _r, ...old } = { ...trygghetslarm, postal: { address: 'address', name: 'applicantName' } }
    expect(postalRecipient({ definition: old, answers: { applicantName: 'Greta', address }, applicant: null })).toEqual({ name: 'Greta', ...address })
  })
})
