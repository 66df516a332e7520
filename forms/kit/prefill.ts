import { holds } from './conditions.ts'
import { kindOf } from './kinds/index.ts'
import type { Answers, FormDefinition, Identity } from './types.ts'

/**
 * Fills empty answers from the logged-in person where a field asks for it (`prefill`) and its `when` holds,
 * so "name and personnummer prefilled from the login" is data in the definition. Given answers are never
 * overwritten: the citizen may be filling in for someone else as their ombud.
 */
export function prefillAnswers(def: FormDefinition, answers: Answers, identity: Identity): Answers {
  const out: Answers = { ...answers }
  for (const f of def.pages.flatMap((p) => p.fields)) {
    if (!f.prefill || !holds(f.prefill.when, out)) continue
    if (!kindOf(f).isEmpty(out[f.id], f)) continue
    const value = identity[f.prefill.from]
    if (value) out[f.id] = value
  }
  return out
}
