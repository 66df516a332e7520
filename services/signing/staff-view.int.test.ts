import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { receiveCase } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import type { Sql } from '../db/sql.server.ts'
import { signatureForStaff } from './staff-view.server.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

const HASH = 'a'.repeat(64)

async function signedCase(): Promise<string> {
  const c = await receiveCase(undefined, { applicant: { personnummer: '198606129933', name: 'Johan Testsson' } })
  await db`insert into case_signatures (case_id, personnummer, name, signed_at, order_ref, visible_text, non_visible_data, content_hash, signature, ocsp_response)
    values (${c.id}, '198606129933', 'Johan Testsson', '2026-11-22T10:15:00Z', 'ref', 'text', ${`e-tjanster-signed-content-v1;sha256=${HASH}`}, ${HASH}, 'sig', 'ocsp')`
  return c.id
}

describe('the signature on the staff case view', () => {
  it('says who signed, when and the digest; the personnummer in full for roles that handle cases', async () => {
    const id = await signedCase()
    for (const role of ['handlaggare', 'teamledare', 'forvaltning'] as const)
      expect(await signatureForStaff({ id: 'x', role }, id, null)).toEqual({
        name: 'Johan Testsson', personnummer: '19860612-9933', masked: false, signedAt: '2026-11-22T10:15:00.000Z', contentHash: HASH,
      })
  })

  it('masks the personnummer for an administrator, unless the case is theirs', async () => {
    const id = await signedCase()
    expect(await signatureForStaff({ id: 'admin-1', role: 'admin' }, id, null)).toMatchObject({ personnummer: '19860612-****', masked: true })
    expect(await signatureForStaff({ id: 'admin-1', role: 'admin' }, id, 'admin-1')).toMatchObject({ personnummer: '19860612-9933', masked: false })
  })

  it('is null for a case that was not signed', async () => {
    const c = await receiveCase()
    expect(await signatureForStaff({ id: 'x', role: 'handlaggare' }, c.id, null)).toBeNull()
  })
})
