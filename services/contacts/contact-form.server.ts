import type { FormDefinition } from '#forms/kit/index.ts'
import { municipality } from '../config/municipality.server.ts'
import { contactDefinition } from './definition.ts'

let cached: FormDefinition | undefined

/** The contact definition of this portal's profile; the profile never changes while the process runs. */
export function contactForm(): FormDefinition {
  cached ??= contactDefinition(municipality())
  return cached
}
