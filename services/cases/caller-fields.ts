import type { FormDefinition } from '#forms/kit/index.ts'

/**
 * The e-service's own questions for the caller's name and personnummer, if it has them: a field filled from the
 * login (`prefill`) or, for the name, one the browser would fill with a name (felanmälan's "Namn"). When staff
 * register on a caller's behalf these are asked once, in the e-service's place, and the case's applicant is read
 * from them (services/cases/register.server.ts); the register form leaves out its own inputs for them.
 */
export function callerFields(def: FormDefinition): { name?: string; personnummer?: string } {
  const fields = def.pages.flatMap((p) => p.fields)
  const name = fields.find((f) => f.prefill?.from === 'name' || (f.kind === 'text' && f.autocomplete === 'name'))
  const personnummer = fields.find((f) => f.kind === 'personnummer' && f.prefill?.from === 'personalNumber')
  return { ...(name ? { name: name.id } : {}), ...(personnummer ? { personnummer: personnummer.id } : {}) }
}
