import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { trygghetslarm } from '#forms/trygghetslarm/index.ts'
import { answersFor, ctxFor, receiveTrygghetslarm, SEVENTY, SIXTY } from '#tests/trygghetslarm-case.ts'
import type { Sql } from '../db/sql.server.ts'
import type { ReceiptFindings } from './receive.server.ts'
import { checklist } from './checklist.ts'
import { listQueue, queueFlag } from './queue.server.ts'
import { loadScope } from '../auth/teams.server.ts'
import { makeStaff } from '#tests/case-fixtures.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

async function send(pnr: string, ctx = ctxFor(pnr)) {
  const id = await receiveTrygghetslarm(pnr, ctx)
  const [row] = await db<{ team: string; completeness: ReceiptFindings; flags: string[] }[]>`
    select c.team, c.completeness, s.flags from cases c join case_state s on s.case_id = c.id where c.id = ${id}`
  const [ev] = await db<{ data: { flags?: { flag: string; reason: string }[] } }[]>`
    select data from case_events where case_id = ${id} and type = 'received'`
  return { ...row!, eventFlags: ev!.data.flags ?? [] }
}

describe('receiving an application with eligibility flags', () => {
  it('receives an applicant under the minimum age, flags the reason and routes the case to the flag’s team', async () => {
    const c = await send(SIXTY)
    expect(c.team).toBe('bistand')
    expect(c.flags).toEqual(['underMinAge'])
    expect(c.eventFlags).toEqual([{ flag: 'underMinAge', reason: 'Sökanden är 60 år, yngre än 65 år som gäller utan biståndsbedömning' }])
    expect(c.completeness.flags?.find((f) => f.id === 'underMinAge')).toMatchObject({
      status: 'raised', citizen: { sv: expect.stringMatching(/biståndshandläggare/), en: expect.stringMatching(/case officer/) },
    })
  })

  it('keeps a case that raises nothing on the definition’s own team, with every check recorded as passed', async () => {
    const c = await send(SEVENTY)
    expect(c.team).toBe('social')
    expect(c.flags).toEqual([])
    expect(c.completeness.flags?.map((f) => f.status)).toEqual(['clear', 'clear', 'clear', 'clear'])
    expect(c.completeness.pages.every((p) => p.ok)).toBe(true)
  })

  it('shows a flag whose setting is missing as “could not be judged”, and routes as usual', async () => {
    const c = await send(SEVENTY, ctxFor(SEVENTY, { municipalityPostcodes: ['135'] }))
    expect(c.team).toBe('social')
    expect(c.flags).toEqual(['underMinAge'])
    expect(c.eventFlags[0]!.reason).toBe('Det gick inte att avgöra automatiskt om sökanden är gammal nog för larm utan biståndsbedömning')
    expect(c.completeness.flags?.[0]).toMatchObject({ id: 'underMinAge', status: 'unknown', missing: ['setting:trygghetslarmMinAge'] })
    const row = checklist(trygghetslarm, answersFor(SEVENTY), c.completeness, { checks: {} }).find((i) => i.id === 'flag:underMinAge')
    expect(row).toMatchObject({
      ok: null, status: 'Behöver bedömas', label: c.eventFlags[0]!.reason,
      detail: 'Gick inte att kontrollera automatiskt: inställningen trygghetslarmMinAge i kommunens konfiguration saknas',
    })
  })

  it('lists the flag findings in the staff checklist beside the pages', async () => {
    const c = await send(SIXTY)
    const items = checklist(trygghetslarm, answersFor(SIXTY), c.completeness, { checks: {} })
    const byId = Object.fromEntries(items.map((i) => [i.id, i]))
    expect(byId['page:bostad']).toMatchObject({ ok: true })
    // Each finding reads as a sentence true of this applicant, whether or not the flag was raised.
    expect(byId['flag:underMinAge']).toMatchObject({
      kind: 'auto', ok: false, status: 'Behöver bedömas', label: 'Sökanden är 60 år, yngre än 65 år som gäller utan biståndsbedömning',
    })
    expect(byId['flag:notOrdinaryHousing']).toMatchObject({ ok: true, status: 'Klar', label: 'Sökanden bor i ordinärt boende' })
    expect(byId['flag:addressOutside']).toMatchObject({ ok: true, label: 'Postnumret hör till kommunen' })
  })

  it('shows an e-service’s own flag in the queue as "Villkor", and the eligibility filter finds it', async () => {
    const young = await receiveTrygghetslarm(SIXTY, ctxFor(SIXTY))
    const fine = await receiveTrygghetslarm(SEVENTY, ctxFor(SEVENTY))
    const staff = await makeStaff('teamledare', { teams: ['bistand', 'social'] })
    const lead = { ...staff, ...(await loadScope(staff.id)) }
    const found = (await listQueue({ member: lead, view: 'alla', filters: { flag: 'eligibility' }, limit: 200 })).items
    expect(found.map((i) => i.id)).toContain(young)
    expect(found.map((i) => i.id)).not.toContain(fine)
    expect(found.find((i) => i.id === young)!.flags.map(queueFlag)).toEqual(['eligibility'])
  })
})
