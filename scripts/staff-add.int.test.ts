import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { verifyStaffLogin } from '#services/auth/staff.server.ts'

const run = promisify(execFile)
let drop: () => Promise<void>
beforeAll(async () => ({ drop } = await freshDatabase()))
afterAll(() => drop())

describe('npm run staff:add', () => {
  it('creates an account that can log in', async () => {
    const { stdout } = await run('./node_modules/.bin/tsx', ['scripts/staff-add.ts', '--email', 'ny@tyreso.se', '--name', 'Ny Person', '--role', 'teamledare', '--password', 'ett riktigt långt lösenord'], { env: process.env })
    expect(stdout).toContain('Staff account ready: ny@tyreso.se (teamledare)')
    expect(await verifyStaffLogin('ny@tyreso.se', 'ett riktigt långt lösenord', 'test')).toMatchObject({ ok: true, staff: { role: 'teamledare' } })
  })
  it('explains its usage when arguments are missing', async () => {
    await expect(run('./node_modules/.bin/tsx', ['scripts/staff-add.ts', '--email', 'x@y.se'], { env: process.env })).rejects.toMatchObject({ code: 2 })
  })
})
