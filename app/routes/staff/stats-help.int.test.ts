import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { statsTables } from './stats-tables.server.ts'
import { freshDatabase } from '#tests/db.ts'
import { createStaff } from '#services/auth/staff.server.ts'
import { toCsv } from '#services/cases/stats.server.ts'
import type { Sql } from '#services/db/sql.server.ts'
import { helpRequestsPerLocation } from '#services/kiosk/help-stats.server.ts'
import { createEnrolmentCode, enrolWithCode, type Kiosk } from '#services/kiosk/kiosks.server.ts'

let db: Sql
let drop: () => Promise<void>
const kiosks: Record<string, Kiosk> = {}
beforeAll(async () => {
  ;({ db, drop } = await freshDatabase())
  const admin = await createStaff({ email: 'admin@stats.test', name: 'Admin', role: 'admin', password: 'ett långt lösenord' })
  for (const location of ['kommunhuset', 'strand']) {
    const { code } = await createEnrolmentCode({ location, kioskName: `Dator ${location}`, staffId: admin.id })
    kiosks[location] = (await enrolWithCode(code))!.kiosk
  }
  // Done requests (one open per kiosk is the rule), at chosen instants, some taken after a few minutes.
  const ask = (k: Kiosk, at: string, takenAfterMinutes: number | null) => db`
    insert into help_requests (kiosk_id, location, path, created_at, taken_at, done_at)
    values (${k.id}, ${k.location}, '/kiosk', ${at}, ${takenAfterMinutes === null ? null : db`${at}::timestamptz + make_interval(mins => ${takenAfterMinutes}::int)`},
            ${at}::timestamptz + interval '1 hour')`
  await ask(kiosks.strand!, '2026-11-10T09:00:00Z', 4)
  await ask(kiosks.strand!, '2026-11-12T09:00:00Z', 8)
  await ask(kiosks.strand!, '2026-11-15T09:00:00Z', null)
  await ask(kiosks.kommunhuset!, '2026-11-01T08:00:00Z', 2)
  // 00:30 on 21 November in Stockholm: outside a period that ends on the 20th.
  await ask(kiosks.kommunhuset!, '2026-11-20T23:30:00Z', 1)
  await ask(kiosks.strand!, '2026-10-31T12:00:00Z', 1)
})
afterAll(() => drop())

const PERIOD = { from: '2026-11-01', to: '2026-11-20', per: 'day' as const }

describe('help requests in the statistics', () => {
  it('counts requests per location in the period, in the municipality’s days, with the median wait for staff', async () => {
    const counts = await helpRequestsPerLocation(PERIOD)
    expect(counts.find((c) => c.location === 'strand')).toEqual({ location: 'strand', name: 'Strands bibliotek', requests: 3, medianMinutesToStaff: 6 })
    expect(counts.find((c) => c.location === 'kommunhuset')).toMatchObject({ requests: 1, medianMinutesToStaff: 2 })
    // Locations without requests are listed with none.
    expect(counts.find((c) => c.location === 'trollbacken')).toMatchObject({ requests: 0, medianMinutesToStaff: null })
  })

  it('is a table on the statistics page and in its CSV export', async () => {
    const { tables } = await statsTables(PERIOD)
    const help = tables.find((t) => t.id === 'hjalp')!
    expect(help.header).toEqual(['Plats', 'Antal förfrågningar', 'Väntetid till personal (median)'])
    expect(help.rows).toContainEqual(['Strands bibliotek', 3, '6 min'])
    expect(help.rows).toContainEqual(['Servicecenter, kommunhuset', 1, '2 min'])
    const csv = toCsv(help.header, help.rows)
    expect(csv).toContain('Strands bibliotek,3,6 min\r\n')
  })
})
