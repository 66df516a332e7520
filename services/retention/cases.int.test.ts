import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nyinflyttad } from '#forms/nyinflyttad/index.ts'
import { applyForGrant, ASSOCIATION } from '#tests/association-fixtures.ts'
import { FAULT, makeStaff, receiveCase, ROUTINE } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { closedAgo, decide } from '#tests/retention-fixtures.ts'
import type { Staff } from '../auth/staff.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { pdfText } from '../pdf/poppler.testing.ts'
import { exportArchive } from './archive.server.ts'
import { retentionLog, retentionPreview, unexportedDue } from './preview.server.ts'
import { purgeDueCases } from './purge-cases.server.ts'
import { ruleRows } from './rules.ts'

let db: Sql
let drop: () => Promise<void>
let admin: Staff
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  admin = await makeStaff('admin', { teams: ['trafik', 'teknik'] })
})
afterAll(() => drop())

const exists = async (id: string) => (await db`select 1 from cases where id = ${id}`).length === 1
const rule = (years: number, action: 'delete' | 'anonymise' = 'delete', archiveFirst = false) => ({ years, action, archiveFirst, decision: `Plan ${years} år` })

describe('a felanmälan under the default profile (closed → 2 years)', () => {
  it('deletes a case closed over two years ago with its attachments, mails, events and audit details, and logs it', async () => {
    const old = await receiveCase(FAULT)
    const recent = await receiveCase(FAULT)
    const open = await receiveCase(FAULT)
    await closedAgo(old.id, 2)
    await closedAgo(recent.id, 1)
    await db`insert into attachments (case_id, field_id, file_name, mime, size, sha256, bytes) values (${old.id}, 'photos', 'a.jpg', 'image/jpeg', 1, 'x', '\\x01')`
    await db`insert into outbox (kind, case_id, payload) values ('email', ${old.id}, ${db.json({ to: 'a@example.se' })})`
    await db`insert into audit_log (staff_id, action, case_id, details) values (${admin.id}, 'case.view', ${old.id}, ${db.json({ q: 'Storgatan' })})`

    expect(await purgeDueCases()).toBe(1)
    expect(await exists(old.id)).toBe(false)
    expect(await exists(recent.id)).toBe(true)
    expect(await exists(open.id)).toBe(true)
    for (const table of ['attachments', 'outbox', 'case_events', 'case_state']) {
      const [r] = await db.unsafe(`select count(*)::int as n from ${table} where case_id = $1`, [old.id])
      expect(r!.n, table).toBe(0)
    }
    const [audit] = await db`select case_id, details from audit_log where staff_id = ${admin.id} and action = 'case.view'`
    expect(audit).toEqual({ case_id: null, details: {} })
    const [log] = await retentionLog()
    expect(log).toMatchObject({ rule: 'felanmalan', action: 'delete', caseNumbers: [old.number], counts: { cases: 1, attachments: 1, outbox: 1, audit: 1 } })
    expect(log!.decision).toContain('Dokumenthanteringsplan')
    expect(await purgeDueCases()).toBe(0)
  })
})

describe('a rule per outcome', () => {
  it('keeps a denied application by its own rule and an approved one by the e-service’s', async () => {
    const rules = ruleRows({ provtjanst: { ...rule(5), outcomes: { denied: rule(1) } } })
    const [denied, approved, oldApproved] = [await receiveCase({ name: 'A', description: 'B' }, { def: ROUTINE }), await receiveCase({ name: 'A', description: 'B' }, { def: ROUTINE }), await receiveCase({ name: 'A', description: 'B' }, { def: ROUTINE })]
    await decide(denied.id, admin, 'denied')
    await decide(approved.id, admin, 'approved')
    await decide(oldApproved.id, admin, 'approved')
    for (const c of [denied, approved]) await closedAgo(c.id, 2)
    await closedAgo(oldApproved.id, 5)
    expect(await purgeDueCases(new Date(), rules)).toBe(2)
    expect([await exists(denied.id), await exists(approved.id), await exists(oldApproved.id)]).toEqual([false, true, false])
    const logs = await retentionLog(2)
    expect(logs.map((l) => l.rule).sort()).toEqual(['provtjanst', 'provtjanst/denied'])
  })
})

describe('föreningsbidrag under the default profile (anonymised after 10 years, archive first)', () => {
  let c: Awaited<ReturnType<typeof applyForGrant>>
  it('waits for an archive package, which reads back with the PDF copy, the attachments and the events', async () => {
    c = await applyForGrant(ASSOCIATION)
    await closedAgo(c.id, 10)
    expect(await purgeDueCases()).toBe(0)
    const preview = await retentionPreview()
    expect(preview.items.find((i) => i.number === c.number)).toMatchObject({ action: 'anonymise', waiting: 'archive', exported: false })
    expect(await unexportedDue()).toContain(c.id)

    const exported = await exportArchive([c.id], admin.id)
    const files = unzipSync(exported!.zip)
    expect(Object.keys(files).filter((f) => f.startsWith(`${c.number}/bilagor/`))).toHaveLength(4)
    expect(pdfText(files[`${c.number}/arende.pdf`]!)).toContain(c.number)
    const metadata = JSON.parse(new TextDecoder().decode(files[`${c.number}/metadata.json`])) as { number: string; events: { type: string }[]; attachments: { sha256: string }[] }
    expect(metadata.number).toBe(c.number)
    expect(metadata.events[0]!.type).toBe('received')
    expect(metadata.attachments).toHaveLength(4)
    expect((await retentionPreview()).items.find((i) => i.number === c.number)).toMatchObject({ exported: true, waiting: null })
    expect(await unexportedDue()).not.toContain(c.id)
  })

  it('then removes the person and keeps the statistics and the association', async () => {
    await closedAgo(c.id, 10, 'answered')
    expect(await purgeDueCases()).toBe(1)
    const [row] = await db`select answers, applicant, length(search_vector) as words, search_vector_sensitive from cases where id = ${c.id}`
    expect(row).toEqual({ answers: {}, applicant: null, words: 0, search_vector_sensitive: null })
    const actors = await db`select distinct actor from case_events where case_id = ${c.id}`
    expect(actors.every((a) => Object.keys(a.actor as object).every((k) => k === 'kind'))).toBe(true)
    expect(await db`select 1 from attachments where case_id = ${c.id}`).toHaveLength(0)
    expect(await db`select 1 from association_history where case_id = ${c.id}`).toHaveLength(0)
    const [state] = await db`select status, outcome, form_id, anonymised_at is not null as anonymised from case_state where case_id = ${c.id}`
    expect(state).toEqual({ status: 'closed', outcome: 'answered', form_id: 'foreningsbidrag', anonymised: true })
    expect(await db`select name from associations where orgnr = ${ASSOCIATION.orgnr}`).toEqual([{ name: ASSOCIATION.associationName }])
    expect((await retentionLog(1))[0]).toMatchObject({ action: 'anonymise', caseNumbers: [c.number] })
    expect(await purgeDueCases()).toBe(0)
  })

  it('under a delete rule, keeps the association without the case that last changed it', async () => {
    const c = await applyForGrant({ ...ASSOCIATION, orgnr: '802014-4419', associationName: 'Tyresö Körsällskap' })
    await closedAgo(c.id, 2)
    expect(await purgeDueCases(new Date(), ruleRows({ foreningsbidrag: rule(1) }))).toBe(1)
    expect(await db`select name, updated_by_case from associations where orgnr = '802014-4419'`).toEqual([{ name: 'Tyresö Körsällskap', updated_by_case: null }])
  })
})

describe('nyinflyttad: a request and its sub-cases', () => {
  const NEWCOMER = {
    services: ['library', 'waste'], name: 'Sara Ny', address: { street: 'Bollmora allé 1', postcode: '135 81', city: 'Tyresö' },
    moveInDate: '2026-12-15', email: 'sara@example.se', language: 'fi', adults: 2, children: [], consent: true,
  }
  it('the request waits until every sub-case is gone', async () => {
    const parent = await receiveCase(NEWCOMER, { def: nyinflyttad })
    const subs = (await db<{ id: string }[]>`select id from cases where parent_id = ${parent.id} order by number`).map((r) => r.id)
    expect(subs).toHaveLength(2)
    await closedAgo(parent.id, 2)
    await closedAgo(subs[0]!, 2)
    expect(await purgeDueCases()).toBe(1)
    expect((await retentionPreview()).items.find((i) => i.number === parent.number)).toMatchObject({ waiting: 'sub-cases' })
    expect(await exists(parent.id)).toBe(true)
    await closedAgo(subs[1]!, 2)
    expect(await purgeDueCases()).toBe(2)
    expect(await exists(parent.id)).toBe(false)
  })

  it('a request whose sub-cases were anonymised is anonymised too', async () => {
    const parent = await receiveCase(NEWCOMER, { def: nyinflyttad })
    const subs = (await db<{ id: string }[]>`select id from cases where parent_id = ${parent.id}`).map((r) => r.id)
    for (const id of [parent.id, ...subs]) await closedAgo(id, 2)
    expect(await purgeDueCases(new Date(), ruleRows({ nyinflyttad: rule(1, 'anonymise') }))).toBe(3)
    await db`update case_state set anonymised_at = null where case_id = ${parent.id}`
    expect(await purgeDueCases(new Date(), ruleRows({ nyinflyttad: rule(1) }))).toBe(1)
    expect((await retentionLog(1))[0]).toMatchObject({ action: 'anonymise', caseNumbers: [parent.number] })
  })
})
