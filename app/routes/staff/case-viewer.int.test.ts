import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeStaff } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { receiveTrygghetslarm, SEVENTY } from '#tests/trygghetslarm-case.ts'
import { createSession } from '#services/auth/session.server.ts'
import type { Sql } from '#services/db/sql.server.ts'
import { loader as caseLoader } from './case.tsx'

let db: Sql
let drop: () => Promise<void>
let larm: string
let photo: string
let pdf: string

beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  larm = await receiveTrygghetslarm(SEVENTY)
  const file = async (field: string, name: string, mime: string) => ((await db`
    insert into attachments (case_id, field_id, file_name, mime, size, sha256, bytes)
    values (${larm}, ${field}, ${name}, ${mime}, 4, 'x', ${Buffer.from('data')}) returning id`) as unknown as [{ id: string }])[0].id
  // A supplement's file on an e-service that asks for health data counts as health data (ADR 018).
  photo = await file('supplement:2', 'dorren.png', 'image/png')
  pdf = await file('supplement:2', 'intyg.pdf', 'application/pdf')
})
afterAll(() => drop())

async function open(team: string, query: string) {
  const staff = await makeStaff('handlaggare', { teams: [team] })
  const cookie = (await createSession(new Request('http://x/'), 'staff', staff.id)).setCookie.split(';')[0]!
  const request = new Request(`http://x/servicecenter/arenden/${larm}${query}`, { headers: { cookie } })
  return caseLoader({ request, params: { caseId: larm }, context: {} } as never)
}

describe('the attachment viewer on the case page', () => {
  it('shows a file the reader may open beside the data, by its name, a PDF as a PDF and a picture as a picture', async () => {
    expect((await open('social', `?bilaga=${pdf}`)).viewing).toEqual({
      id: pdf, name: 'intyg.pdf', href: `/servicecenter/arenden/${larm}/bilagor/${pdf}`, isPdf: true, isImage: false,
    })
    expect((await open('social', `?bilaga=${photo}`)).viewing).toMatchObject({ name: 'dorren.png', isPdf: false, isImage: true })
  })

  it('shows no viewer, and no name, for a sensitive file to a handläggare of another team, nor for an unknown id', async () => {
    const other = await open('teknik', `?bilaga=${pdf}`)
    expect(other.viewing).toBeNull()
    expect(JSON.stringify(other)).not.toContain('intyg.pdf')
    expect((await open('social', '?bilaga=00000000-0000-4000-8000-000000000000')).viewing).toBeNull()
  })
})
