import type { FormDefinition } from '#forms/kit/index.ts'

/** Who a posted letter goes to: the lines of the address block, name first (SS 61 34 01 order). */
export type Recipient = { name: string; street: string; postcode: string; city: string }

type CaseLike = { definition: FormDefinition; answers: Record<string, unknown>; applicant: Record<string, unknown> | null }

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '')

function addressOf(v: unknown): Omit<Recipient, 'name'> | null {
  if (!v || typeof v !== 'object') return null
  const a = v as Record<string, unknown>
  const street = str(a.street)
  const postcode = str(a.postcode)
  const city = str(a.city)
  return street && postcode && city ? { street, postcode, city } : null
}

/**
 * The postal address a letter about this case goes to, or null when none is known. The address is the one
 * the definition names (`postal.address`, e.g. the registered address the applicant gave), else one the case
 * holds for the identified applicant; the name is the definition's name field (the person the application is
 * for, an association), else the identified applicant's. A definition without `postal` (a fault report, whose address is the
 * fault's place) never has one.
 */
export function postalRecipient(c: CaseLike): Recipient | null {
  const postal = c.definition.postal
  if (!postal) return null
  const address = addressOf(c.answers[postal.address]) ?? addressOf(c.applicant?.address)
  if (!address) return null
  // The person (or association) the matter is about, not an ombud or signer who filed it for them.
  const name = str(c.answers[postal.name]) || str(c.applicant?.name)
  return name ? { name, ...address } : null
}

/** The address block's lines: name, street, "NNN NN ORT" (the town in capitals, as Swedish post is addressed). */
export const recipientLines = (r: Recipient): string[] => [r.name, r.street, `${r.postcode} ${r.city.toLocaleUpperCase('sv-SE')}`]
