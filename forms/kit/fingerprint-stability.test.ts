import { describe, expect, it } from 'vitest'
import { FORMS } from '../registry.ts'
import { fingerprints } from './fingerprint.ts'
import recorded from './fingerprints.snapshot.json'

/**
 * A saved draft keeps each answer whose field's fingerprint is unchanged (ADR 013). The fingerprints of the
 * live definitions are recorded in fingerprints.snapshot.json: a change to how they are computed (a refactor
 * of the canonical form, shared field builders) must leave them as they are, or every citizen's draft would
 * be asked again. A deliberate change to a question updates the snapshot in the same commit.
 */
describe('field fingerprints', () => {
  it.each(FORMS.map((f) => [f.id, f] as const))('are unchanged for %s', (id, def) => {
    expect(fingerprints(def)).toEqual((recorded as Record<string, Record<string, string>>)[id])
  })
})
