import { fill, t } from './text.ts'
import type { FormDefinition, Locale } from './types.ts'

/**
 * The receipt's "what happens next" for this e-service, with its handling time filled in. Null for a case
 * received before definitions said it (its snapshot has no `afterReceipt`): the receipt then says the
 * portal's general text instead of guessing.
 */
export function afterReceipt(def: Partial<Pick<FormDefinition, 'afterReceipt' | 'handlingDays'>>, locale: Locale): string | null {
  if (!def.afterReceipt || !def.handlingDays) return null
  return fill(t(def.afterReceipt, locale), { days: def.handlingDays })
}
