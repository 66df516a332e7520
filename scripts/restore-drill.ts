import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { createStaff } from '#services/auth/staff.server.ts'
import { CSRF_COOKIE, CSRF_FIELD } from '#services/auth/csrf.server.ts'
import { SESSION_COOKIE } from '#services/auth/session.server.ts'
import { closeSql } from '#services/db/sql.server.ts'
import { childEnv, env, scriptEnv, setEnv } from '#services/env.server.ts'

/**
 * The restore drill (docs/operations.md): dump a database with pg_dump, restore it with pg_restore into a
 * database that is dropped first, check that every case and attachment came back byte for byte, then
 * start the portal on the restored database and check over HTTP that a staff member can open the newest
 * case and download its newest attachment. Exits non-zero, saying what failed, when anything differs.
 *
 *   npm run drill:restore -- [--from URL] [--to URL] [--replace-source] [--keep]
 *
 * --from  the database to back up (default DATABASE_URL).
 * --to    where to restore (default: a new database restore_drill_<time> on the same server). It is
 *         dropped first, and dropped again at the end unless --keep: a copy of personal data should not linger.
 * --replace-source  allows --to to be --from: the real "the database is gone" rehearsal, for a scratch or
 *         staging database only. The source is never dropped at the end.
 *
 * Runs with the portal's own environment (APP_ENV, BankID, ANSWER_KEYS ...) except SMTP_URL, which is
 * removed so the restored outbox cannot e-mail citizens again. Needs pg_dump and pg_restore of at least
 * the server's major version, and the production build (npm run build).
 */

const { values: args } = parseArgs({
  options: { from: { type: 'string' }, to: { type: 'string' }, 'replace-source': { type: 'boolean' }, keep: { type: 'boolean' } },
})

class DrillFailure extends Error {}

const fromUrl = args.from ?? env().DATABASE_URL
if (!fromUrl) {
  console.error('No database to back up: give --from URL or set DATABASE_URL')
  process.exit(2)
}
const source = new URL(fromUrl)
const target = new URL(args.to ?? fromUrl)
if (!args.to) target.pathname = `/restore_drill_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`
const targetName = decodeURIComponent(target.pathname.slice(1))
const sameDatabase = target.host === source.host && targetName === decodeURIComponent(source.pathname.slice(1))
if (sameDatabase && !args['replace-source']) {
  console.error('--to is the database being backed up: add --replace-source to drop and restore it (scratch or staging databases only)')
  process.exit(2)
}
if (!/^[a-z_][a-z0-9_]*$/.test(targetName)) {
  console.error(`The database to restore into must have a plain name (a-z, 0-9, _), not "${targetName}"`)
  process.exit(2)
}

/** pg_dump/pg_restore get the password through the environment, never on the command line (ps shows that). */
function pgTool(tool: string, url: URL, extra: string[]) {
  const withoutPassword = new URL(url)
  withoutPassword.password = ''
  const r = spawnSync(tool, [...extra, `--dbname=${withoutPassword.toString()}`], {
    encoding: 'utf8', env: childEnv({ PGPASSWORD: decodeURIComponent(url.password) }),
  })
  if (r.error) throw new DrillFailure(`${tool} could not be run (${r.error.message}): install postgresql-client of the server's major version`)
  if (r.status !== 0) throw new DrillFailure(`${tool} failed (exit ${r.status}): ${r.stderr.trim()}`)
}

type Facts = {
  migrations: number; cases: number; attachments: number; attachmentBytes: string
  /** One digest over every attachment's id and content: equal only if every file came back unchanged. */
  attachmentDigest: string | null
  newestCase: { id: string; number: string } | null
  newestAttachment: { id: string; caseId: string; sha256: string } | null
}

async function factsOf(db: postgres.Sql): Promise<Facts> {
  const [counts] = await db<{ migrations: number; cases: number; attachments: number; bytes: string; digest: string | null }[]>`
    select (select count(*)::int from schema_migrations) as migrations, (select count(*)::int from cases) as cases,
      count(*)::int as attachments, coalesce(sum(length(bytes)), 0)::text as bytes,
      md5(string_agg(id::text || encode(sha256(bytes), 'hex'), ',' order by id)) as digest
    from attachments where case_id is not null`
  const [newestCase] = await db<{ id: string; number: string }[]>`select id, number from cases order by received_at desc, id limit 1`
  const [newestAttachment] = await db<{ id: string; caseId: string; sha256: string }[]>`
    select id, case_id as "caseId", encode(sha256(bytes), 'hex') as sha256 from attachments
    where case_id is not null order by created_at desc, id limit 1`
  return {
    migrations: counts!.migrations, cases: counts!.cases, attachments: counts!.attachments, attachmentBytes: counts!.bytes,
    attachmentDigest: counts!.digest, newestCase: newestCase ?? null, newestAttachment: newestAttachment ?? null,
  }
}

/**
 * Dumps the source and reads its facts in one snapshot (pg_dump --snapshot), so cases arriving meanwhile on
 * a live portal are in neither and the comparison after the restore is exact.
 */
async function dumpWithFacts(dump: string): Promise<Facts> {
  const db = postgres(source.toString(), { max: 1, onnotice: () => {} })
  try {
    return await db.begin('isolation level repeatable read read only', async (tx) => {
      const [{ snapshot }] = (await tx<{ snapshot: string }[]>`select pg_export_snapshot() as snapshot`) as unknown as [{ snapshot: string }]
      const facts = await factsOf(tx as unknown as postgres.Sql)
      pgTool('pg_dump', source, ['--format=custom', '--no-owner', `--snapshot=${snapshot}`, `--file=${dump}`])
      return facts
    })
  } finally {
    await db.end()
  }
}

async function restoredFacts(): Promise<Facts> {
  const db = postgres(target.toString(), { max: 1, onnotice: () => {} })
  return factsOf(db).finally(() => db.end())
}

async function recreate(url: URL) {
  const maintenance = new URL(url)
  maintenance.pathname = '/postgres'
  const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`drop database if exists ${targetName} with (force)`)
    await admin.unsafe(`create database ${targetName}`)
  } finally {
    await admin.end()
  }
}

async function dropTarget() {
  const maintenance = new URL(target)
  maintenance.pathname = '/postgres'
  const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists ${targetName} with (force)`).finally(() => admin.end())
}

const freePort = () => new Promise<number>((done, fail) => {
  const s = createServer().once('error', fail).listen(0, '127.0.0.1', () => {
    const port = (s.address() as { port: number }).port
    s.close(() => done(port))
  })
})

/** The portal as `npm start` runs it, in a process group of its own so that stopping it stops all of it. */
async function startPortal(url: URL) {
  const port = await freePort()
  const child = spawn(resolve('node_modules/.bin/tsx'), ['server/start.ts'], {
    env: childEnv({ SMTP_URL: undefined, NODE_ENV: 'production', DATABASE_URL: url.toString(), PORT: String(port) }), stdio: ['ignore', 'ignore', 'pipe'], detached: true,
  })
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)))
  const ended = new Promise<void>((done) => child.once('exit', () => done()))
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      return
    }
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 15_000)
    await ended
    clearTimeout(timer)
  }
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + scriptEnv().DRILL_START_SECONDS * 1000
  for (;;) {
    if (child.exitCode !== null) throw new DrillFailure(`The portal ended before it answered:\n${stderr}`)
    const status = await fetch(`${base}/healthz`).then((r) => r.status, () => 0)
    if (status === 200) return { base, stop }
    if (Date.now() > deadline) {
      await stop()
      throw new DrillFailure(`The portal on the restored database did not answer /healthz with 200 (last ${status})`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
}

function cookiesOf(res: Response, jar: Map<string, string>) {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';')
    const i = pair.indexOf('=')
    if (i > 0) jar.set(pair.slice(0, i), pair.slice(i + 1))
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
}

/** Logs in as a drill account made for this check in the restored copy, and opens the case and the file. */
async function checkOverHttp(base: string, facts: Facts) {
  setEnv({ DATABASE_URL: target.toString() })
  const email = `restore-drill-${randomBytes(4).toString('hex')}@drill.invalid`
  const password = randomBytes(24).toString('base64url')
  await createStaff({ email, name: 'Återläsningsövning', role: 'admin', password })
  const jar = new Map<string, string>()
  const login = await fetch(`${base}/servicecenter/logga-in`)
  let cookie = cookiesOf(login, jar)
  const csrf = decodeURIComponent(jar.get(CSRF_COOKIE) ?? '')
  const signedIn = await fetch(`${base}/servicecenter/logga-in`, {
    method: 'POST', redirect: 'manual', headers: { cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ [CSRF_FIELD]: csrf, email, password, till: '/servicecenter' }),
  })
  cookie = cookiesOf(signedIn, jar)
  if (signedIn.status !== 302 || !jar.has(SESSION_COOKIE)) throw new DrillFailure(`Staff login on the restored portal answered ${signedIn.status}`)
  const checks: string[] = []
  if (facts.newestCase) {
    const page = await fetch(`${base}/servicecenter/arenden/${facts.newestCase.id}`, { headers: { cookie } })
    const html = await page.text()
    if (page.status !== 200 || !html.includes(facts.newestCase.number)) throw new DrillFailure(`The newest case's page answered ${page.status} without its number`)
    checks.push('the newest case opens')
  }
  if (facts.newestAttachment) {
    const { caseId, id, sha256 } = facts.newestAttachment
    const file = await fetch(`${base}/servicecenter/arenden/${caseId}/bilagor/${id}`, { headers: { cookie } })
    const got = createHash('sha256').update(Buffer.from(await file.arrayBuffer())).digest('hex')
    if (file.status !== 200 || got !== sha256) throw new DrillFailure(`The newest attachment answered ${file.status} and ${got === sha256 ? 'the same' : 'different'} bytes`)
    checks.push('the newest attachment downloads byte for byte')
  }
  // The account only existed for this check; when the copy is kept it must not stay usable.
  await closeSql()
  const db = postgres(target.toString(), { max: 1, onnotice: () => {} })
  await db`update staff set disabled_at = now() where email = ${email}`.finally(() => db.end())
  return checks
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`

async function drill() {
  const dir = await mkdtemp(join(tmpdir(), 'restore-drill-'))
  const dump = join(dir, 'portal.dump')
  let portal: Awaited<ReturnType<typeof startPortal>> | undefined
  let restored = false
  try {
    let t = performance.now()
    const before = await dumpWithFacts(dump)
    console.info(`Dumped: ${((await stat(dump)).size / 1e6).toFixed(1)} MB in ${seconds(t)} (${before.cases} cases, ${before.attachments} attachments, ${before.attachmentBytes} bytes of files)`)

    t = performance.now()
    await recreate(target)
    restored = true
    pgTool('pg_restore', target, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', dump])
    console.info(`Dropped and restored ${targetName} in ${seconds(t)}`)

    const after = await restoredFacts()
    for (const k of Object.keys(before) as (keyof Facts)[]) {
      if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) throw new DrillFailure(`The restored ${k} differs from the source's`)
    }
    console.info('Cases, attachments (every byte), migrations: the same as the source')

    t = performance.now()
    portal = await startPortal(target)
    console.info(`The portal answered /healthz on the restored database after ${seconds(t)}`)
    const checks = await checkOverHttp(portal.base, before)
    console.info(`Over HTTP: ${checks.length ? checks.join(', ') : 'no cases to open (an empty database)'}`)
    console.info('Restore drill passed')
  } finally {
    await portal?.stop()
    await closeSql()
    await rm(dir, { recursive: true, force: true })
    if (restored && !args.keep && !sameDatabase) await dropTarget()
  }
}

try {
  await drill()
} catch (e) {
  console.error(`Restore drill FAILED: ${e instanceof DrillFailure ? e.message : e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
}
