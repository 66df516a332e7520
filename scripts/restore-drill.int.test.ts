import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sql } from '#services/db/sql.server.ts'
import { receiveCase } from '#tests/case-fixtures.ts'
import { freshDatabase } from '#tests/db.ts'
import { ensureProductionBuild } from '#tests/production-build.ts'

// The restore drill of docs/operations.md, run for real against a scratch database on the machine's
// PostgreSQL: pg_dump, drop, pg_restore, the portal started on the restored database, a case and its
// attachment opened over HTTP.

let db: Sql
let drop: () => Promise<void>
let url: string
let caseId: string
const PHOTO = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('en bilaga som ska komma tillbaka oförändrad\n'.repeat(200))])

beforeAll(async () => {
  await ensureProductionBuild()
  ;({ db, drop } = await freshDatabase())
  url = process.env.DATABASE_URL!
  caseId = (await receiveCase()).id
  await db`
    insert into attachments (case_id, field_id, file_name, mime, size, sha256, bytes)
    values (${caseId}, 'photos', 'skada.pdf', 'application/pdf', ${PHOTO.length}, ${createHash('sha256').update(PHOTO).digest('hex')}, ${PHOTO})`
}, 600_000)
afterAll(() => drop())

function runDrill(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(resolve('node_modules/.bin/tsx'), ['scripts/restore-drill.ts', ...args], {
      env: { ...process.env, APP_ENV: 'test', DATABASE_URL: url, PAGE_CACHE: 'off' }, stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => done({ code, out }))
  })
}

describe('the restore drill', () => {
  it('refuses to drop the database it backs up unless told to', async () => {
    const r = await runDrill(['--to', url])
    expect(r.code).toBe(2)
    expect(r.out).toContain('add --replace-source')
    expect((await db`select count(*)::int as n from cases`)[0]!.n).toBe(1)
  })

  it('dumps, drops and restores the database, and the portal on it serves the case and its attachment', async () => {
    const r = await runDrill(['--replace-source'])
    expect(r.out).toContain('Restore drill passed')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/Dumped: [\d.]+ MB in [\d.]+ s \(1 cases, 1 attachments, \d+ bytes of files\)/)
    expect(r.out).toContain('Over HTTP: the newest case opens, the newest attachment downloads byte for byte')
    // The source was dropped and restored: the same case and file are back.
    const [after] = await db<{ bytes: Buffer }[]>`select bytes from attachments where case_id = ${caseId}`
    expect(Buffer.compare(after!.bytes, PHOTO)).toBe(0)
    expect(r.out).not.toContain('Klotter på väggen')
  }, 600_000)
})
