import { seedAssociations } from './seed-associations.ts'
import { seedCaseHandling } from './seed-case-handling.ts'

/** Test fixtures loaded by server/start.ts (SEED_MODULE) when APP_ENV=test; each issue adds its own. */
export default async function seed(): Promise<void> {
  await seedCaseHandling()
  await seedAssociations()
}
