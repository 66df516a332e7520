import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { felanmalan } from '#forms/felanmalan/index.ts'
import { foreningsbidrag } from '#forms/foreningsbidrag/index.ts'
import type { FormDefinition } from '#forms/kit/index.ts'
import { nyinflyttad } from '#forms/nyinflyttad/index.ts'
import { provansokan } from '#forms/testing/provansokan.ts'
import { ASSOCIATION, grantDraft } from '#tests/association-fixtures.ts'
import { browserWith, newBrowser, sidFrom, simulatedBankId } from '#tests/bankid-fixtures.ts'
import { CTX, FAULT, makeStaff } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { loginCitizen } from '../auth/citizen.server.ts'
import { createSession } from '../auth/session.server.ts'
import { actorOf, loadScope, whoOf } from '../auth/teams.server.ts'
import { collectOrder, startOrder } from '../bankid/orders.server.ts'
import type { BankIdSimulator } from '../bankid/simulator/server.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { completeSigning, prepareSigning } from '../signing/sign.server.ts'
import { createDraft, saveDraftAnswers } from './drafts.server.ts'
import { RECEIPT_WRITES, type ReceiptWrite } from './receipt-writes.server.ts'
import { receiveDraft, type Received, type ReceiveResult } from './receive.server.ts'

// The receipt is one list of writes (RECEIPT_WRITES) composed into one statement for every kind of receipt:
// a write added to that list reaches each kind, sees the number the receipt took, and fails or lands with it.

let db: Sql
let sim: BankIdSimulator
/** The simulator stops before its database goes. */
const stops: (() => Promise<void>)[] = []
beforeAll(async () => {
  const fresh = await freshDatabase()
  const bankId = await simulatedBankId()
  ;({ db } = fresh)
  ;({ sim } = bankId)
  stops.push(bankId.stop, fresh.drop)
})
afterAll(async () => {
  for (const stop of stops) await stop()
})

/** What the probe divides by: 0 makes its row, and with it the whole statement, fail. */
let divisor = 1
const probe: ReceiptWrite = ({ tx }) => [tx`probe as (
  insert into audit_log (action, case_id, details)
  select 'test.receipt-probe', c.id, jsonb_build_object('number', c.number, 'check', 1 / ${divisor}::int) from c)`]

type Sent = { draftId: string; send(): Promise<Received> }

const received = (r: ReceiveResult) => {
  if (r.kind !== 'received') throw new Error(`not received: ${JSON.stringify(r)}`)
  return r.case
}

async function draftOf(def: FormDefinition, answers: Record<string, unknown>, sessionHash?: string) {
  const hash = sessionHash ?? (await createSession(new Request('http://x/'), 'visitor')).session.tokenHash
  const draft = await createDraft(hash, def)
  await saveDraftAnswers(draft.id, answers)
  return { draftId: draft.id, sessionHash: hash }
}

const NEWCOMER = {
  services: ['library', 'preschool', 'waste'], preschoolChildren: 2, name: 'Sara Ny',
  address: { street: 'Bollmora allé 1', postcode: '135 81', city: 'Tyresö' }, moveInDate: '2026-12-15',
  email: 'sara@example.se', language: 'fi', adults: 2, children: [{ age: 3 }, { age: 5 }], consent: true,
}
/** Organisationsnummer, each valid, one per register receipt so the tests can tell which entry a receipt made. */
const ORGNRS = ['802005-1952', '802000-1239', '802479-3724']

const KINDS: Record<string, { def: FormDefinition; prepare(): Promise<Sent> }> = {
  plain: {
    def: felanmalan,
    async prepare() {
      const d = await draftOf(felanmalan, FAULT)
      return { draftId: d.draftId, send: async () => received(await receiveDraft({ ...d, def: felanmalan, ctx: CTX })) }
    },
  },
  'signed with BankID': {
    def: provansokan,
    async prepare() {
      const johan = { personnummer: '198606129933', name: 'Johan Testsson' }
      const visitor = await newBrowser()
      const login = await loginCitizen(visitor.binding.sessionHash, johan)
      const browser = browserWith(sidFrom(login!.setCookie), visitor.cookies.csrf)
      const answers = { subject: 'Ramp vid entrén', phone: '070-123 45 67', document: [] }
      const d = await draftOf(provansokan, answers, browser.binding.sessionHash)
      return {
        draftId: d.draftId,
        // Signed anew on each send: an order whose receipt failed is refused, and the citizen signs again.
        send: async () => {
          const prepared = await prepareSigning({ def: provansokan, draftId: d.draftId, answers, person: johan, ctx: CTX, organisation: 'Tyresö kommun', locale: 'sv' })
          if (!prepared.ok) throw new Error('incomplete')
          const started = await startOrder({ binding: browser.binding, purpose: 'sign', flow: 'qr', endUserIp: '192.0.2.5', sign: prepared.content })
          if (!started.ok) throw new Error(started.errorCode)
          sim.control.approve(started.order.orderRef, johan.personnummer)
          const order = await collectOrder(started.order)
          const r = await completeSigning({ order, person: johan, sessionHash: d.sessionHash, def: provansokan, ctx: CTX })
          if (r.kind !== 'received') throw new Error(`not received: ${r.kind}`)
          return { id: r.caseId, number: r.number }
        },
      }
    },
  },
  'fanned out': {
    def: nyinflyttad,
    async prepare() {
      const d = await draftOf(nyinflyttad, NEWCOMER)
      return { draftId: d.draftId, send: async () => received(await receiveDraft({ ...d, def: nyinflyttad, ctx: CTX })) }
    },
  },
  'with the association register': {
    def: foreningsbidrag,
    async prepare() {
      const d = await grantDraft({ ...ASSOCIATION, orgnr: ORGNRS.shift()! })
      return { draftId: d.draftId, send: async () => received(await receiveDraft(d)) }
    },
  },
  'registered by staff with follow-ups': {
    def: felanmalan,
    async prepare() {
      const staff = await makeStaff('handlaggare', { teams: ['servicecenter'] })
      const member = { ...staff, ...(await loadScope(staff.id)) }
      const d = await draftOf(felanmalan, FAULT)
      const followUps = { events: [{ type: 'claimed' as const, data: { assignee: { id: staff.id, name: staff.name } } }], actor: actorOf(staff), who: whoOf(member) }
      return {
        draftId: d.draftId,
        send: async () => received(await receiveDraft({ ...d, def: felanmalan, ctx: CTX, channel: 'phone', registeredBy: { id: staff.id, name: staff.name }, followUps })),
      }
    },
  },
}

const counter = async (def: FormDefinition) =>
  (await db<{ last: number }[]>`select last from case_number_counters where prefix = ${def.caseNumberPrefix}`)[0]?.last ?? 0

describe('a write added to RECEIPT_WRITES', () => {
  beforeAll(() => {
    ;(RECEIPT_WRITES as ReceiptWrite[]).push(probe)
  })
  afterAll(() => {
    ;(RECEIPT_WRITES as ReceiptWrite[]).splice(RECEIPT_WRITES.indexOf(probe), 1)
  })

  it.each(Object.keys(KINDS))('reaches a receipt %s, with the number it took', async (kind) => {
    divisor = 1
    const sent = await KINDS[kind]!.prepare()
    const c = await sent.send()
    const rows = await db<{ details: { number: string } }[]>`select details from audit_log where action = 'test.receipt-probe' and case_id = ${c.id}`
    expect(rows.map((r) => r.details.number)).toEqual([c.number])
  })

  it.each(Object.keys(KINDS))('that fails leaves nothing of a receipt %s, not even its number', async (kind) => {
    const { def, prepare } = KINDS[kind]!
    const sent = await prepare()
    const before = await counter(def)
    divisor = 0
    try {
      await expect(sent.send()).rejects.toThrow(/division by zero/)
    } finally {
      divisor = 1
    }
    expect(await db`select 1 from cases where idempotency_key = ${sent.draftId}`).toHaveLength(0)
    expect(await db`select 1 from drafts where id = ${sent.draftId}`).toHaveLength(1)
    expect(await counter(def)).toBe(before)
    // The same draft sent again once the write holds: one case, numbered right after the ones before.
    const c = await sent.send()
    expect(Number(c.number.slice(-6))).toBe(before + 1)
  })

  it('leaves no sub-case, event, state row, mail, signature or register entry behind a failed receipt', async () => {
    const rows = () => db<Record<string, number>[]>`
      select (select count(*)::int from cases) as cases, (select count(*)::int from case_events) as events,
             (select count(*)::int from case_state) as states, (select count(*)::int from outbox) as mails,
             (select count(*)::int from case_signatures) as signatures, (select count(*)::int from associations) as entries,
             (select count(*)::int from association_history) as history`
    const sent = await Promise.all(Object.values(KINDS).map((k) => k.prepare()))
    const [before] = await rows()
    divisor = 0
    try {
      for (const s of sent) await expect(s.send()).rejects.toThrow(/division by zero/)
    } finally {
      divisor = 1
    }
    expect((await rows())[0]).toEqual(before)
  })
})
