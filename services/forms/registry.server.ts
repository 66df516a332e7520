import { getForm } from '#forms/registry.ts'
import type { FormDefinition } from '#forms/kit/index.ts'

// On globalThis, like the database pool: whoever starts the portal and the production build's route modules
// are module graphs of their own in one process.
const g = globalThis as typeof globalThis & { __portalAddedForms?: readonly FormDefinition[] }

/** An e-service by id: the registered ones (forms/registry.ts), and those the portal was started with (addForms). */
export function formById(id: string | null | undefined): FormDefinition | undefined {
  if (!id) return undefined
  return getForm(id) ?? g.__portalAddedForms?.find((f) => f.id === id)
}

/**
 * Forms served beside the registered ones, given at start (server/start.ts's `forms`): the end-to-end test
 * server adds the test-only e-service this way (tests/e2e/server.ts), so the production registry has no test
 * branch. Reached only by id, never listed.
 */
export function addForms(forms: readonly FormDefinition[]): void {
  const known = g.__portalAddedForms ?? []
  g.__portalAddedForms = [...known, ...forms.filter((f) => !known.includes(f))]
}
