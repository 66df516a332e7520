import cluster from 'node:cluster'
import { randomBytes } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import postgres from 'postgres'
import { provansokan } from '#forms/testing/provansokan.ts'
import { useTileFixture } from './tile-fixture.ts'

/**
 * Starts the production build for the end-to-end tests on a database of its own: a fresh database on
 * the server DATABASE_URL names (CI), or a freshly wiped embedded one. The portal itself then starts
 * exactly as `npm start` does, demo staff account included, with the tests' own e-service and fixtures
 * added. With WEB_CONCURRENCY > 1 the HTTP workers run this file too, and inherit what the primary set.
 */
if (cluster.isPrimary) {
  if (process.env.DATABASE_URL) {
    const name = `e2e_${randomBytes(4).toString('hex')}`
    const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database ${name}`)
    await admin.end()
    const url = new URL(process.env.DATABASE_URL)
    url.pathname = `/${name}`
    process.env.DATABASE_URL = url.toString()
  } else {
    process.env.EMBEDDED_PG_DIR = process.env.E2E_PG_DIR ?? '.data/pg-e2e'
    process.env.EMBEDDED_PG_PORT = process.env.E2E_PG_PORT ?? '54359'
    await rm(process.env.EMBEDDED_PG_DIR, { recursive: true, force: true })
  }
  process.env.APP_ENV = 'test'
  // Tests that check what reached the database (a kiosk case's channel and location) find it here.
  await mkdir('.data', { recursive: true })
  await writeFile(`.data/e2e-${process.env.PORT}.db-url`,
    process.env.DATABASE_URL ?? `postgres://portal:portal@127.0.0.1:${process.env.EMBEDDED_PG_PORT}/portal`)
  // BankID: the in-process simulator approves every order as Johan Testsson (40) after a few polls, unless a
  // browser chose another person on /bankid-simulator (tests/e2e/citizen.ts).
  process.env.BANKID_SIMULATOR_AUTO_APPROVE ??= '198606129933'
  // The suite sends many cases from one address within minutes: the abuse limits are raised here, and
  // tests/e2e/send-limit.test.ts runs a portal of its own with the real defaults.
  process.env.SEND_LIMIT_PER_ADDRESS ??= '100000'
  process.env.SEND_LIMIT_PER_SESSION ??= '100000'
  process.env.UPLOAD_LIMIT_MB_PER_ADDRESS ??= '100000'
  process.env.UPLOAD_LIMIT_MB_PER_SESSION ??= '100000'
  // The map's tiles from a server on this machine, named by a profile copy (tests run offline, ADR 036).
  await useTileFixture(`e2e-${process.env.PORT}`)
}
// Imported once the environment above is set: the portal reads its settings once, at the first use.
const { startPortal } = await import('#server/start.ts')
const { default: seed } = await import('./seed.ts')
// The test-only e-service, by id only (forms/testing/provansokan.ts), and the accounts and cases per role.
await startPortal({ forms: [provansokan], seed, entry: import.meta.url })
