import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAULT, makeStaff, receiveCase, ROUTINE } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { auditEntries } from '../audit/audit.server.ts'
import { loadScope, type StaffMember } from '../auth/teams.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { classify, searchCases } from './search.server.ts'

let db: Sql
let drop: () => Promise<void>
let anna: StaffMember
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  const s = await makeStaff('handlaggare', { teams: ['teknik'], name: 'Anna' })
  anna = { ...s, ...(await loadScope(s.id)) }
})
afterAll(() => drop())

describe('classifying what staff type', () => {
  it('tells case numbers, personnummer, organisationsnummer and words apart', () => {
    expect(classify('fel-2026-123')).toEqual({ kind: 'number', value: 'FEL-2026-000123' })
    expect(classify('19811218-9876')).toEqual({ kind: 'personnummer', value: '198112189876' })
    expect(classify('811218-9876')).toEqual({ kind: 'personnummer', value: '198112189876' })
    expect(classify('556036-0793')).toEqual({ kind: 'orgnr', value: '556036-0793' })
    // Luhn fails: not a personnummer, so searched as text.
    expect(classify('19811218-9877').kind).toBe('text')
    expect(classify('Bollmora allé')).toEqual({ kind: 'text', value: 'Bollmora allé' })
  })
})

describe('searching cases', () => {
  it('finds by case number, personnummer in either form, name prefix, address, orgnr and words; and audits each search', async () => {
    const pnr = await receiveCase({ name: 'Sven Svensson', description: 'Braskamin' }, { def: ROUTINE, applicant: { personnummer: '198112189876', name: 'Sven Svensson' } })
    const addr = await receiveCase({ ...FAULT, address: { street: 'Granängsringen 17', postcode: '135 42', city: 'Tyresö' }, description: 'Trasig lekplats vid förskolan Myran' })
    const org = await receiveCase({ name: 'IFK Tyresö 556036-0793', description: 'Föreningen ansöker om bidrag' }, { def: ROUTINE })
    const ids = async (q: string) => (await searchCases(anna, q)).hits.map((h) => h.id)

    expect(await ids(pnr.number)).toEqual([pnr.id])
    expect(await ids('19811218-9876')).toEqual([pnr.id])
    expect(await ids('198112189876')).toEqual([pnr.id])
    expect(await ids('svens')).toEqual([pnr.id])
    expect(await ids('Granängsringen 17')).toEqual([addr.id])
    expect(await ids('förskolan myr')).toEqual([addr.id])
    expect(await ids('sven svens')).toEqual([pnr.id])
    expect(await ids('556036-0793')).toEqual([org.id])
    expect(await ids('ingenting sådant')).toEqual([])

    const log = await auditEntries({ limit: 20 })
    expect(log.filter((e) => e.action === 'search.personnummer').map((e) => e.details.q)).toEqual(['198112189876', '198112189876'])
    expect(log.some((e) => e.action === 'search' && e.details.q === 'svens')).toBe(true)
    const [{ n }] = (await db`select count(*)::int as n from audit_log where staff_id = ${anna.id}`) as unknown as [{ n: number }]
    expect(n).toBe(9)
  })

  it('names in each hit the applicant the definition’s role names: an anonymous reporter by the name they gave', async () => {
    const c = await receiveCase({ ...FAULT, name: 'Rut Rapportör', description: 'Trasig gatlykta vid Rutvägen' })
    const { hits } = await searchCases(anna, 'Rutvägen')
    expect(hits.map((h) => [h.id, h.applicantName])).toEqual([[c.id, 'Rut Rapportör']])
  })

  it('never lets the audit log be rewritten', async () => {
    await expect(db`delete from audit_log`).rejects.toThrow(/append-only/)
  })
})
