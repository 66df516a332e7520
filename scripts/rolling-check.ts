import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { chmod, mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import postgres from 'postgres'
import { startEmbeddedPostgres } from '#services/db/embedded.server.ts'
import { migrate, migrationNames } from '#services/db/migrate.server.ts'
import { namesAny, reachedObjects } from '#services/db/migration-reach.ts'
import { childEnv, scriptEnv } from '#services/env.server.ts'
import { importGraph } from './import-graph.ts'

/**
 * The rolling-deploy check (docs/operations.md, ADR 028): the previous release's own integration tests, run
 * against the schema this release's migrations make. During a rolling deploy the previous release keeps
 * serving against the migrated database; if any of its queries no longer works, one of its tests fails here.
 *
 *   npm run check:rolling [-- --previous <commit>] [--list]
 *
 * `--list` prints the old test files the check would run, and runs none.
 *
 * "The previous release" is the newest earlier commit on the main line (first parents) whose migrations are all in
 * this release with at least one missing, unless --previous names a commit. It is checked out into a temporary git worktree.
 * A PostgreSQL of its own (embedded, in a temporary folder) gets this release's migrations in template1, so
 * every database the old tests create starts with the new schema, and the old code's migrate finds nothing to
 * apply (it skips names it does not know). The old code's migration tests are left out: they need an empty
 * database. Exits 0 when the old tests pass, 1 when one fails, and 2 when the check cannot run (no git history
 * in the checkout, say), saying why.
 *
 * Only the old tests the new migrations can reach are run (services/db/migration-reach.ts): the objects of the old
 * schema the new statements alter, replace, constrain or rewrite, widened through the old functions, views and
 * triggers; then the old test files whose imports reach source code naming one of them. A migration that only
 * adds runs none; one the reader does not understand runs them all; when the migrations are the previous
 * release's own, there is nothing to check (its tests passed against this very schema when it landed). Of
 * those, a test that is byte for byte the same in this release, with every module it imports, is not run again:
 * this release's own integration run (in `npm test`, before this check) ran that very code against this schema.
 */

const root = resolve(import.meta.dirname, '..')
const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' })
const fail = (code: number, message: string): never => {
  console.error(`rolling check: ${message}`)
  process.exit(code)
}

function previousRelease(): string {
  const given = process.argv.indexOf('--previous')
  if (given > 0) return process.argv[given + 1] ?? fail(2, '--previous needs a commit')
  if (git('rev-parse', '--is-shallow-repository').stdout.trim() === 'true') fail(2, 'the checkout is shallow: no previous release to check')
  const dir = 'services/db/migrations'
  const migrationsAt = (commit: string) =>
    new Set(git('ls-tree', '--name-only', `${commit}:${dir}`).stdout.split('\n').filter((n) => /^\d{5}_/.test(n)))
  const ours = migrationsAt('HEAD')
  // The newest earlier commit on the main line whose migrations are all in this release, with at least one
  // missing: the code a rolling deploy upgrades from. A commit with a migration this release does not have
  // (renamed or dropped before it was released) is no release to upgrade from, and is passed over.
  const line = git('rev-list', '--first-parent', '--max-count=500', 'HEAD~1').stdout.split('\n').filter(Boolean)
  for (const commit of line) {
    const theirs = migrationsAt(commit)
    if ([...theirs].every((n) => ours.has(n)) && theirs.size < ours.size) return commit
  }
  return fail(2, 'no earlier commit with fewer migrations is in this checkout\'s history')
}

/**
 * The old release's integration test files that run its queries: those under services/ and app/, but not the
 * migration tests (they need an empty database) nor the folders whose tests are about something else than the
 * schema (BankID over TLS, SIP2, the rate limits, and server/, scripts/ and deploy/, which start processes and
 * proxies for HTTP behaviour). That keeps the check to a few minutes in CI.
 */
function oldIntegrationTests(dir: string): string[] {
  const found: string[] = []
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      if (name === 'node_modules' || name.startsWith('.')) continue
      const path = join(at, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.int.test.ts') && !readFileSync(path, 'utf8').includes('migrated: false')) found.push(relative(dir, path))
    }
  }
  for (const top of ['services', 'app']) if (existsSync(join(dir, top))) walk(join(dir, top))
  const elsewhere = /^services\/(bankid|library|limits)\//
  return found.filter((f) => !elsewhere.test(f)).sort()
}

const previous = previousRelease()
const short = git('rev-parse', '--short', previous).stdout.trim()
const migrationsOf = (dir: string) => join(dir, 'services/db/migrations')
// The previous release's migrations are this release's, unchanged: its own tests passed against this very schema
// when it landed, so there is nothing to run.
if (git('diff', '--quiet', previous, '--', 'services/db/migrations').status === 0) {
  console.info(`rolling check passed: no migration changed since ${short}, so the schema is the one its tests passed against`)
  process.exit(0)
}

const work = await mkdtemp(join(tmpdir(), 'rolling-'))
// Run as root, the embedded server runs as the postgres user, which must reach its data folder in here.
await chmod(work, 0o755)
const tree = join(work, 'previous')
let stopDb: (() => Promise<void>) | undefined
let status: number
try {
  const added = git('worktree', 'add', '--detach', tree, previous)
  if (added.status !== 0) fail(2, `could not check out ${previous}: ${added.stderr.trim()}`)

  const ours = await migrationNames()
  const theirs = existsSync(migrationsOf(tree)) ? await migrationNames(migrationsOf(tree)) : []
  const newer = ours.filter((n) => !theirs.includes(n))
  const sqlOf = (dir: string, names: string[]) => names.map((n) => readFileSync(join(migrationsOf(dir), n, 'index.sql'), 'utf8'))
  // A released migration edited or removed afterwards cannot be read as "added": then everything is checked.
  const edited = theirs.filter((n) => !ours.includes(n) || sqlOf(tree, [n])[0] !== sqlOf(root, [n])[0])
  const reached = edited.length ? null : reachedObjects(sqlOf(tree, theirs).join('\n'), sqlOf(root, newer).join('\n'))
  const all = oldIntegrationTests(tree)
  const reach = importGraph(tree)
  const naming = new Map<string, boolean>()
  const namesReached = (file: string) => {
    if (!naming.has(file)) naming.set(file, namesAny(readFileSync(join(tree, file), 'utf8'), reached!))
    return naming.get(file)!
  }
  const reaching = reached === null ? all : all.filter((f) => [...reach(f)].some(namesReached))
  // A test whose file and every module it imports are byte for byte the same in this release already ran, as it
  // is, against this schema in this release's own integration run: only the ones whose code changed are left.
  const sameDependencies = readFileSync(join(tree, 'package-lock.json'), 'utf8') === readFileSync(join(root, 'package-lock.json'), 'utf8')
  const unchanged = (f: string) => sameDependencies && [...reach(f)].every((g) => existsSync(join(root, g)) && readFileSync(join(tree, g), 'utf8') === readFileSync(join(root, g), 'utf8'))
  const files = reaching.filter((f) => !unchanged(f))
  console.info(`rolling check: the previous release ${short} (${theirs.length} migrations); new since then: ${newer.join(', ') || 'none'}`)
  console.info(reached === null
    ? `rolling check: ${edited.length ? `released migrations were changed afterwards (${edited.join(', ')})` : 'a new statement is not one the reader knows'}; all ${all.length} integration test files of ${short} run`
    : `rolling check: the new migrations reach ${[...reached].sort().join(', ') || 'nothing older'}; ${reaching.length} of ${all.length} integration test files of ${short} use that`)
  console.info(`rolling check: ${reaching.length - files.length} of them are unchanged in this release with everything they import (its own run covered them); ${files.length} to run`)

  if (process.argv.includes('--list')) {
    for (const f of files) console.info(`  ${f}`)
    status = 0
  } else if (files.length === 0) {
    console.info(`rolling check passed: the new migrations only add to what ${short} uses`)
    status = 0
  } else {
    // The same locked dependencies are linked rather than installed again.
    if (readFileSync(join(tree, 'package-lock.json'), 'utf8') === readFileSync(join(root, 'package-lock.json'), 'utf8')) {
      await symlink(join(root, 'node_modules'), join(tree, 'node_modules'))
    } else {
      console.info(`rolling check: ${short} has other dependencies; installing them`)
      const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: tree, stdio: 'inherit' })
      if (ci.status !== 0) fail(2, 'npm ci failed for the previous release')
    }

    const port = scriptEnv().ROLLING_PG_PORT
    const db = await startEmbeddedPostgres({ dir: join(work, 'pg'), port, database: 'postgres' })
    stopDb = db.stop
    const template = new URL(db.url)
    template.pathname = '/template1'
    const sql = postgres(template.toString(), { max: 1, onnotice: () => {} })
    const applied = await migrate(sql as never)
    await sql.end()
    console.info(`rolling check: template1 has this release's schema (${applied.length} migrations)`)

    const report = join(work, 'report.json')
    const run = spawnSync('npx', ['vitest', 'run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...files], {
      cwd: tree,
      stdio: 'inherit',
      env: childEnv({ DATABASE_URL: db.url, TEST_ADMIN_DATABASE_URL: db.url }),
    })
    // The report decides, not only the exit status: a file that fails to load must count as a failure.
    const result = existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as { success?: boolean; numFailedTestSuites?: number; numFailedTests?: number }) : {}
    status = run.status === 0 && result.success === true && !result.numFailedTestSuites && !result.numFailedTests ? 0 : 1
    console.info(status === 0
      ? `rolling check passed: ${short}'s integration tests pass against the new schema`
      : `rolling check FAILED: ${short}'s integration tests fail against the new schema; a migration contracts what the previous release uses (docs/operations.md)`)
  }
} finally {
  await stopDb?.().catch(() => {})
  git('worktree', 'remove', '--force', tree)
  await rm(work, { recursive: true, force: true })
}
process.exit(status)
