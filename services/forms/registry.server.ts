import { getForm } from '#forms/registry.ts'
import type { FormDefinition } from '#forms/kit/index.ts'
import { provansokan } from '#forms/testing/provansokan.ts'

/** Forms that exist only under APP_ENV=test: see forms/testing/provansokan.ts for why. */
const TEST_ONLY_FORMS: readonly FormDefinition[] = [provansokan]

/** An e-service by id: the registered ones, and under APP_ENV=test also the test-only ones. */
export function formById(id: string | null | undefined): FormDefinition | undefined {
  if (!id) return undefined
  return getForm(id) ?? (process.env.APP_ENV === 'test' ? TEST_ONLY_FORMS.find((f) => f.id === id) : undefined)
}
