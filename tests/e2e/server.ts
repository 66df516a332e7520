import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import postgres from 'postgres'

/**
 * Starts the production build for the end-to-end tests on a database of its own: a fresh database on
 * the server DATABASE_URL names (CI), or a freshly wiped embedded one. The portal itself then starts
 * exactly as `npm start` does, demo staff account included.
 */
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
await import('../../server/start.ts')
