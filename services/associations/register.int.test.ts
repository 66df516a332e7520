import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { foreningsbidrag } from '#forms/foreningsbidrag/index.ts'
import { applyForGrant, ASSOCIATION, grantDraft } from '#tests/association-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { receiveDraft } from '../cases/receive.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { getAssociation, searchAssociations } from './register.server.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

const ORGNR = ASSOCIATION.orgnr
const APPLICATION = ASSOCIATION
const apply = applyForGrant

describe('the association register', () => {
  it('adds a new association from its first application, with the whole entry as its first history row', async () => {
    const c = await apply(APPLICATION)
    const a = await getAssociation(ORGNR)
    expect(a).toMatchObject({ orgnr: ORGNR, name: 'Tyresö Bollklubb', details: { chairName: 'Eva Ek', membersTotal: 120 } })
    expect(a!.details).not.toHaveProperty('startAmount')
    expect(a!.history).toHaveLength(1)
    expect(a!.history[0]).toMatchObject({ caseId: c.id, caseNumber: c.number, actor: { name: 'Eva Ek', role: 'chair' } })
    expect(a!.history[0]!.changes.associationName).toEqual({ to: 'Tyresö Bollklubb' })
    expect(a!.cases.map((x) => [x.number, x.status])).toEqual([[c.number, 'new']])
  })

  it('records only what a later application changed, who filed it and through which case', async () => {
    const bo = { personnummer: '198606129933', name: 'Bo Ek' }
    const c = await apply({ ...APPLICATION, associationName: 'Tyresö Bollklubb IF', chairName: 'Ali Ny', membersTotal: 130, signerRole: 'treasurer' }, bo)
    const a = await getAssociation(ORGNR)
    expect(a).toMatchObject({ name: 'Tyresö Bollklubb IF', details: { chairName: 'Ali Ny', membersTotal: 130 } })
    expect(a!.history).toHaveLength(2)
    expect(a!.history[0]).toMatchObject({
      caseNumber: c.number, actor: { name: 'Bo Ek', role: 'treasurer' },
      changes: { associationName: { from: 'Tyresö Bollklubb', to: 'Tyresö Bollklubb IF' }, chairName: { from: 'Eva Ek', to: 'Ali Ny' }, membersTotal: { from: 120, to: 130 } },
    })
    expect(Object.keys(a!.history[0]!.changes)).toHaveLength(3)
    expect(a!.cases).toHaveLength(2)
    await expect(db`update association_history set changes = '{}'`).rejects.toThrow(/append-only/)
  })

  it('is found by organisationsnummer however it is written, and by part of its name', async () => {
    await apply({ ...APPLICATION, orgnr: '802000-1239', associationName: 'Trollbäckens Schackklubb' })
    expect((await searchAssociations('8020051952')).map((h) => h.orgnr)).toEqual([ORGNR])
    expect((await searchAssociations('schack')).map((h) => h.name)).toEqual(['Trollbäckens Schackklubb'])
    expect((await searchAssociations('bollklubb')).map((h) => h.name)).toEqual(['Tyresö Bollklubb IF'])
    expect(await searchAssociations('100%')).toEqual([])
  })

  it('is updated in the receiving transaction: two applications at once both land, in turn', async () => {
    const orgnr = '802479-3724'
    await Promise.all([
      apply({ ...APPLICATION, orgnr, associationName: 'Samtidiga föreningen', membersTotal: 50, members7to20: 10, membersResident: 40 }),
      apply({ ...APPLICATION, orgnr, associationName: 'Samtidiga föreningen', membersTotal: 60, members7to20: 10, membersResident: 40 }),
    ])
    const a = await getAssociation(orgnr)
    expect(a!.history).toHaveLength(2)
    expect([50, 60]).toContain(a!.details.membersTotal)
    expect(Object.keys(a!.history.at(-1)!.changes).length).toBeGreaterThan(10)
    expect(a!.history[0]!.changes).toEqual({ membersTotal: { from: a!.details.membersTotal === 50 ? 60 : 50, to: a!.details.membersTotal } })
  })

  it('records the signer’s role through the definition’s roles, not by a field id', async () => {
    // The same answers under a definition that declares no signerRole role: the register records no role,
    // whatever a field named signerRole holds (ADR 040: nothing outside the definition reads answers by id).
    const orgnr = '802480-3721'
    const { signerRole: _declared, ...roles } = foreningsbidrag.roles!
    const draft = await grantDraft({ ...APPLICATION, orgnr, signerRole: 'treasurer' })
    const r = await receiveDraft({ ...draft, def: { ...foreningsbidrag, roles } })
    expect(r.kind).toBe('received')
    expect((await getAssociation(orgnr))!.history[0]!.actor).toEqual({ name: 'Eva Ek', role: null })
  })
})
