import { readdir, readFile, rm } from 'node:fs/promises'
import postgres from 'postgres'

/**
 * After an end-to-end run: drop the databases its portals made on the PostgreSQL server (tests/e2e/server.ts
 * names each in .data/e2e-<port>.db-url), so repeated runs do not pile them up. Embedded ones go with .data.
 */
export default async function teardown() {
  const files = (await readdir('.data').catch(() => [] as string[])).filter((f) => /^e2e-\d+\.db-url$/.test(f))
  for (const file of files) {
    const url = new URL((await readFile(`.data/${file}`, 'utf8')).trim())
    const name = url.pathname.slice(1)
    if (!/^e2e_[0-9a-f]+$/.test(name)) continue
    url.pathname = '/postgres'
    const admin = postgres(url.toString(), { max: 1, onnotice: () => {} })
    try {
      await admin.unsafe(`drop database if exists ${name} with (force)`)
    } catch (e) {
      console.warn(`Could not drop the end-to-end database ${name}: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      await admin.end()
    }
    await rm(`.data/${file}`, { force: true })
  }
}
