import { answerRoles, type FormDefinition } from '#forms/kit/index.ts'

/**
 * The e-service's own questions for the caller's name and personnummer, if it has them: the fields in the
 * definition's `applicantName` and `applicantPnr` roles (ADR 040). When staff register on a caller's behalf
 * these are asked once, in the e-service's place, and the case's applicant is read from them
 * (services/cases/register.server.ts); the register form leaves out its own inputs for them.
 */
export function callerFields(def: FormDefinition): { name?: string; personnummer?: string } {
  const { applicantName: name, applicantPnr: personnummer } = answerRoles(def)
  // Roles that depend on other answers cannot stand in for the register form's one input.
  return { ...(typeof name === 'string' ? { name } : {}), ...(typeof personnummer === 'string' ? { personnummer } : {}) }
}
