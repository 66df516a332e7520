import { seedAssociations } from './seed-associations.ts'
import { seedCaseHandling } from './seed-case-handling.ts'

/** Test fixtures the end-to-end server (tests/e2e/server.ts) loads at start; each issue adds its own. */
export default async function seed(): Promise<void> {
  await seedCaseHandling()
  await seedAssociations()
}
