import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { createStaff } from '../auth/staff.server.ts'
import { subscribeHelp } from './help-events.server.ts'
import { HELP_CHANNEL, openHelpRequests, requestHelp, updateHelpRequest, type HelpEvent } from './help.server.ts'
import { createEnrolmentCode, enrolWithCode, type Kiosk } from './kiosks.server.ts'
import { setStaffLocation, staffLocation } from './staff-location.server.ts'

let drop: () => Promise<void>
let adminId: string
const kiosks: Record<string, Kiosk> = {}
beforeAll(async () => {
  ;({ drop } = await freshDatabase())
  adminId = (await createStaff({ email: 'admin@help.test', name: 'Admin', role: 'admin', password: 'ett långt lösenord' })).id
  for (const location of ['kommunhuset', 'strand']) {
    const { code } = await createEnrolmentCode({ location, kioskName: `Dator ${location}`, staffId: adminId })
    kiosks[location] = (await enrolWithCode(code))!.kiosk
  }
})
afterAll(() => drop())

/** Collects events until `count` arrived or the wait is over. */
function collect(location: string) {
  const events: HelpEvent[] = []
  const ready = subscribeHelp(location, (e) => events.push(e))
  return {
    events,
    ready,
    async until(count: number, ms = 3000) {
      for (const end = Date.now() + ms; events.length < count && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20))
      return events
    },
  }
}

describe('help requests', () => {
  it('reach listeners of the kiosk’s location through NOTIFY, and no one else', async () => {
    const here = collect('kommunhuset')
    const there = collect('strand')
    const unsubscribe = await here.ready
    await there.ready
    const id = await requestHelp(kiosks.kommunhuset!, '/e-tjanster/felanmalan/plats')
    expect(await here.until(1)).toEqual([{ id, location: 'kommunhuset', change: 'new' }])
    await new Promise((r) => setTimeout(r, 200))
    expect(there.events).toEqual([])
    unsubscribe()
  })

  it('arrive from another process: a NOTIFY sent on another connection is delivered too', async () => {
    const strand = collect('strand')
    await strand.ready
    const other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
    try {
      const event = { id: '00000000-0000-0000-0000-000000000001', location: 'strand', change: 'new' }
      await other`select pg_notify(${HELP_CHANNEL}, ${JSON.stringify(event)})`
      expect(await strand.until(1)).toEqual([event])
    } finally {
      await other.end()
    }
  })

  it('stay one per kiosk while open, are taken and done only by staff of that location', async () => {
    const first = await requestHelp(kiosks.strand!, '/kiosk')
    const again = await requestHelp(kiosks.strand!, '/kiosk/lanekort')
    expect(again).toBe(first)
    expect((await openHelpRequests('strand')).map((r) => [r.id, r.path, r.kioskName])).toEqual([[first, '/kiosk/lanekort', 'Dator strand']])
    const events = collect('strand')
    await events.ready
    expect(await updateHelpRequest(first, 'taken', { id: adminId }, 'kommunhuset')).toBe(false)
    expect(await updateHelpRequest(first, 'taken', { id: adminId }, 'strand')).toBe(true)
    expect((await openHelpRequests('strand'))[0]).toMatchObject({ takenBy: 'Admin' })
    expect(await updateHelpRequest(first, 'done', { id: adminId }, 'strand')).toBe(true)
    expect(await openHelpRequests('strand')).toEqual([])
    expect((await events.until(2)).map((e) => e.change)).toEqual(['taken', 'done'])
    expect(await requestHelp(kiosks.strand!, '/kiosk')).not.toBe(first)
  })

  it('are answered by servicecenter staff at the servicecenter and library staff at their own library', async () => {
    const handlaggare = await createStaff({ email: 'h@help.test', name: 'H', role: 'handlaggare', password: 'ett långt lösenord' })
    const bibliotek = await createStaff({ email: 'b@help.test', name: 'B', role: 'bibliotek', password: 'ett långt lösenord' })
    expect(await staffLocation(handlaggare)).toBe('kommunhuset')
    expect(await staffLocation(bibliotek)).toBeNull()
    await setStaffLocation(bibliotek.id, 'trollbacken')
    expect(await staffLocation(bibliotek)).toBe('trollbacken')
    await expect(setStaffLocation(bibliotek.id, 'mars')).rejects.toThrow(/Unknown location/)
  })
})
