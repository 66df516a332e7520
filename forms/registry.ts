import { felanmalan } from './felanmalan/index.ts'
import { foreningsbidrag } from './foreningsbidrag/index.ts'
import { nyinflyttad } from './nyinflyttad/index.ts'
import { parkeringstillstand } from './parkeringstillstand/index.ts'
import { trygghetslarm } from './trygghetslarm/index.ts'
import type { FormDefinition } from './kit/index.ts'

/** Every e-service the portal offers, in the order the start page lists them. */
export const FORMS: readonly FormDefinition[] = [felanmalan, nyinflyttad, foreningsbidrag]

export function getForm(id: string): FormDefinition | undefined {
  return FORMS.find((f) => f.id === id)
}

/**
 * Issue 4's applications, defined and tested but not yet offered: three need BankID login and signing,
 * and all need flags, drafts per person and fan-out wired into receiving. The contract test walks them
 * already. To go live, move them into FORMS (and give the municipality profile their settings and teams).
 */
export const UPCOMING_FORMS: readonly FormDefinition[] = [trygghetslarm, parkeringstillstand]
