import { runClocks } from './clocks.server.ts'
import { purgeDueCases } from './purge-cases.server.ts'

/** One run: the cases due under the records plan, then every other table's clock. */
export async function runRetention(now = new Date()): Promise<{ cases: number; clocks: Record<string, number> }> {
  return { cases: await purgeDueCases(now), clocks: await runClocks(now) }
}
