import { answerRoles, postalAddressOf, roleAnswers, type FormDefinition } from '#forms/kit/index.ts'

/** Who a posted letter goes to: the lines of the address block, name first (SS 61 34 01 order). */
export type Recipient = { name: string; street: string; postcode: string; city: string }

type CaseLike = { definition: FormDefinition; answers: Record<string, unknown>; applicant: Record<string, unknown> | null }

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '')

/**
 * The postal address a letter about this case goes to, or null when none is known. The address is the answer
 * in the definition's `address` role (e.g. the registered address the applicant gave), else one the case holds
 * for the identified applicant; the name is the association's, else the applicant's (the person the application
 * is for), else the identified applicant's (ADR 040). A definition without an `address` role (a fault report,
 * whose address is the fault's place) never has one.
 */
export function postalRecipient(c: CaseLike): Recipient | null {
  if (!answerRoles(c.definition).address) return null
  const roles = roleAnswers(c.definition, c.answers)
  const address = roles.address ?? postalAddressOf(c.applicant?.address)
  if (!address) return null
  // The person (or association) the matter is about, not an ombud or signer who filed it for them.
  const name = roles.associationName ?? roles.applicantName ?? (str(c.applicant?.name) || null)
  return name ? { name, ...address } : null
}

/** The address block's lines: name, street, "NNN NN ORT" (the town in capitals, as Swedish post is addressed). */
export const recipientLines = (r: Recipient): string[] => [r.name, r.street, `${r.postcode} ${r.city.toLocaleUpperCase('sv-SE')}`]
