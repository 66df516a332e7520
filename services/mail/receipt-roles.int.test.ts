import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyForGrant, ASSOCIATION } from '#tests/association-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { receiveCase } from '#tests/case-fixtures.ts'
import { receiptMailedTo } from './receipt-mail.server.ts'

let drop: () => Promise<void>
beforeAll(async () => ({ drop } = await freshDatabase()))
afterAll(() => drop())

/** The receipt e-mail goes to the definition's `email` role (ADR 040), queued with the case. */
describe('the receipt mail follows the e-mail role', () => {
  it('föreningsbidrag: to the treasurer when the treasurer signs, to the chair otherwise', async () => {
    const byTreasurer = await applyForGrant({ ...ASSOCIATION, signerRole: 'treasurer' }, { personnummer: '198612139983', name: 'Bo Ek' })
    expect(await receiptMailedTo(byTreasurer.id)).toBe(ASSOCIATION.treasurerEmail)
    const byChair = await applyForGrant(ASSOCIATION)
    expect(await receiptMailedTo(byChair.id)).toBe(ASSOCIATION.chairEmail)
  })

  it('felanmälan: to the address the reporter gave, and no mail without one', async () => {
    const withMail = await receiveCase({ category: 'klotter', placeDetails: 'Vid busshållplatsen', description: 'Klotter på väggen vid hållplatsen.', email: 'rut@example.se' })
    expect(await receiptMailedTo(withMail.id)).toBe('rut@example.se')
    const anonymous = await receiveCase({ category: 'klotter', placeDetails: 'Vid busshållplatsen', description: 'Klotter på väggen vid hållplatsen.' })
    expect(await receiptMailedTo(anonymous.id)).toBeNull()
  })
})
