import { describe, expect, it } from 'vitest'
import { changeRows, registerChanges, registerDetails, registerRows } from './register.ts'

const filed = {
  associationName: 'Tyresö Bollklubb', orgnr: '802000-1234', seat: 'Tyresö', address: { street: 'Bollvägen 1', postcode: '135 40', city: 'Tyresö' },
  chairName: 'Anna Ordf', chairPhone: '070-111 22 33', chairEmail: 'anna@example.se', treasurerName: 'Kalle Kassör',
  treasurerPhone: '070-444 55 66', treasurerEmail: 'kalle@example.se', membersTotal: 120, members7to20: 80, membersResident: 100,
  membershipFee: 300, annualMeetingDate: '2026-03-10', grantType: 'aktivitet', sessions: [{ date: '2026-05-01' }], truthful: true,
}

describe('the association register entry', () => {
  it('keeps the association’s own details, not the grant applied for', () => {
    const d = registerDetails(filed)
    expect(d).toMatchObject({ associationName: 'Tyresö Bollklubb', orgnr: '802000-1234', chairName: 'Anna Ordf', membersTotal: 120 })
    expect(d).not.toHaveProperty('grantType')
    expect(d).not.toHaveProperty('sessions')
  })
  it('records every field of a new association and only what differs later', () => {
    const first = registerChanges(null, registerDetails(filed))
    expect(first.associationName).toEqual({ to: 'Tyresö Bollklubb' })
    expect(first).not.toHaveProperty('membersWomen')
    const later = registerChanges(registerDetails(filed), registerDetails({ ...filed, chairName: 'Bo Ny', membersTotal: 130, membersWomen: 60 }))
    expect(later).toEqual({ chairName: { from: 'Anna Ordf', to: 'Bo Ny' }, membersTotal: { from: 120, to: 130 }, membersWomen: { to: 60 } })
    expect(registerChanges(registerDetails(filed), registerDetails(filed))).toEqual({})
  })
  it('shows the entry and its changes in the form’s words and formats', () => {
    const rows = registerRows(registerDetails(filed), 'sv')
    expect(rows[0]).toMatchObject({ label: 'Föreningens namn', value: 'Tyresö Bollklubb' })
    expect(rows.find((r) => r.fieldId === 'address')?.value).toBe('Bollvägen 1, 135 40 Tyresö')
    expect(changeRows({ chairName: { from: 'Anna Ordf', to: 'Bo Ny' }, membersTotal: { to: 130 } }, 'sv')).toEqual([
      { label: 'Ordförande: namn', from: 'Anna Ordf', to: 'Bo Ny' },
      { label: 'Antal medlemmar', from: null, to: '130' },
    ])
  })
})

describe('register changes, as stored and as filed', () => {
  it('sees no change in an address whose keys come back from the database in another order', () => {
    const filed = { address: { street: 'Bygatan 1', postcode: '135 40', city: 'Tyresö' } }
    const stored = { address: { city: 'Tyresö', postcode: '135 40', street: 'Bygatan 1' } }
    expect(registerChanges(stored as never, filed as never)).toEqual({})
  })
})
