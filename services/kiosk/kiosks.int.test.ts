import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { createSession } from '../auth/session.server.ts'
import { createStaff } from '../auth/staff.server.ts'
import { sql } from '../db/sql.server.ts'
import { createEnrolmentCode, enrolWithCode, kioskByToken, listKiosks, revokeKiosk } from './kiosks.server.ts'
import { endVisitIfIdle } from './visit.server.ts'

let drop: () => Promise<void>
let adminId: string
beforeAll(async () => {
  ;({ drop } = await freshDatabase())
  adminId = (await createStaff({ email: 'admin@kiosk.test', name: 'Admin', role: 'admin', password: 'ett långt lösenord' })).id
})
afterAll(() => drop())

describe('enrolment codes', () => {
  it('enrol one kiosk, once, at the code’s location, whatever case the code is typed in', async () => {
    const { code } = await createEnrolmentCode({ location: 'strand', kioskName: 'Vid entrén', staffId: adminId })
    const enrolled = await enrolWithCode(code.toLowerCase().replace('-', ' '))
    expect(enrolled?.kiosk).toMatchObject({ location: 'strand', name: 'Vid entrén' })
    expect(await enrolWithCode(code)).toBeNull()
    const [stored] = await sql()<{ token_hash: string }[]>`select token_hash from kiosks where id = ${enrolled!.kiosk.id}`
    expect(stored!.token_hash).not.toContain(enrolled!.token)
  })

  it('give one kiosk when two browsers race with the same code', async () => {
    const { code } = await createEnrolmentCode({ location: 'kommunhuset', kioskName: 'Racet', staffId: adminId })
    const results = await Promise.all([enrolWithCode(code), enrolWithCode(code), enrolWithCode(code)])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect((await listKiosks()).filter((k) => k.name === 'Racet')).toHaveLength(1)
  })

  it('expire, and refuse unknown locations', async () => {
    const { code } = await createEnrolmentCode({ location: 'trollbacken', kioskName: 'Gammal', staffId: adminId })
    await sql()`update kiosk_enrolment_codes set expires_at = now() - interval '1 minute' where kiosk_name = 'Gammal'`
    expect(await enrolWithCode(code)).toBeNull()
    await expect(createEnrolmentCode({ location: 'mars', kioskName: 'X', staffId: adminId })).rejects.toThrow(/Unknown location/)
  })
})

describe('kiosk tokens', () => {
  it('recognise the kiosk and note its activity until it is revoked', async () => {
    const { code } = await createEnrolmentCode({ location: 'strand', kioskName: 'Återkallas', staffId: adminId })
    const { kiosk, token } = (await enrolWithCode(code))!
    await sql()`update kiosks set last_seen_at = now() - interval '1 day' where id = ${kiosk.id}`
    expect(await kioskByToken(token)).toEqual(kiosk)
    const [seen] = await sql()<{ recent: boolean }[]>`select last_seen_at > now() - interval '1 minute' as recent from kiosks where id = ${kiosk.id}`
    expect(seen!.recent).toBe(true)
    expect(await kioskByToken('not-a-token')).toBeNull()
    expect(await revokeKiosk(kiosk.id, adminId)).toBe(true)
    expect(await revokeKiosk(kiosk.id, adminId)).toBe(false)
    expect(await kioskByToken(token)).toBeNull()
  })
})

describe('the server-side idle end of a kiosk visit', () => {
  it('keeps an active visit and ends one idle past the limit, with its anonymous draft', async () => {
    const { session, setCookie } = await createSession(new Request('http://x/'), 'visitor')
    const token = decodeURIComponent(setCookie.split(';')[0]!.split('=')[1]!)
    await sql()`insert into drafts (session_hash, form_id, form_version, expires_at) values (${session.tokenHash}, 'felanmalan', 1, now() + interval '1 day')`
    expect(await endVisitIfIdle(token, 180)).toBe(false)
    await sql()`update sessions set last_seen_at = now() - interval '181 seconds' where token_hash = ${session.tokenHash}`
    expect(await endVisitIfIdle(token, 180)).toBe(true)
    const [left] = await sql()<{ sessions: number; drafts: number }[]>`
      select (select count(*)::int from sessions where token_hash = ${session.tokenHash}) as sessions,
             (select count(*)::int from drafts where session_hash = ${session.tokenHash}) as drafts`
    expect(left).toEqual({ sessions: 0, drafts: 0 })
    expect(await endVisitIfIdle(token, 180)).toBe(false)
  })
})
