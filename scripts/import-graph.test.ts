import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importGraph } from './import-graph.ts'

describe('importGraph', () => {
  const reach = importGraph(resolve(import.meta.dirname, '..'))

  it('follows aliases and relative imports transitively, and not packages', () => {
    const reached = reach('scripts/rolling-check.ts')
    // Directly, through #services/…
    expect(reached.has('services/db/migrate.server.ts')).toBe(true)
    expect(reached.has('services/db/migration-reach.ts')).toBe(true)
    // Transitively, through migrate.server.ts's relative import.
    expect(reached.has('services/db/sql.server.ts')).toBe(true)
    expect([...reached].some((f) => f.includes('node_modules'))).toBe(false)
  })

  it('does not reach what the module never imports', () => {
    expect(reach('services/db/migration-reach.ts')).toEqual(new Set(['services/db/migration-reach.ts']))
  })
})
