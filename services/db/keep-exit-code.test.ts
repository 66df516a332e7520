import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
/** Ends a Node process with the embedded database's module loaded, by running out of work after setting exitCode. */
const exitCodeWith = (code: number) =>
  spawnSync('npx', ['tsx', '--eval', `import('#services/db/embedded.server.ts').then(() => { process.exitCode = ${code} })`], { cwd: root, encoding: 'utf8' }).status

describe('a process that loads the embedded database', () => {
  it('keeps the failing exit code it set (the test runner says a test failed that way)', () => {
    expect(exitCodeWith(3)).toBe(3)
  })

  it('still exits 0 when nothing failed', () => {
    expect(exitCodeWith(0)).toBe(0)
  })
})
