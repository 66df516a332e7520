import { felanmalan } from './felanmalan/index.ts'
import type { FormDefinition } from './kit/index.ts'

/** Every e-service the portal offers, in the order the start page lists them. */
export const FORMS: readonly FormDefinition[] = [felanmalan]

export function getForm(id: string): FormDefinition | undefined {
  return FORMS.find((f) => f.id === id)
}
