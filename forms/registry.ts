import { felanmalan } from './felanmalan/index.ts'
import { foreningsbidrag } from './foreningsbidrag/index.ts'
import { nyinflyttad } from './nyinflyttad/index.ts'
import { parkeringstillstand } from './parkeringstillstand/index.ts'
import { trygghetslarm } from './trygghetslarm/index.ts'
import type { FormDefinition } from './kit/index.ts'

/** Every e-service the portal offers, in the order the start page lists them. */
export const FORMS: readonly FormDefinition[] = [felanmalan, trygghetslarm, parkeringstillstand, foreningsbidrag, nyinflyttad]

export function getForm(id: string): FormDefinition | undefined {
  return FORMS.find((f) => f.id === id)
}

