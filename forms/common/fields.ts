import type { AddressField, EmailField, FlagDef, Option, PhoneField, Text, TextField } from '../kit/index.ts'

/**
 * Questions several e-services ask alike: the citizen's name, address, phone and e-mail, yes/no answers and the
 * "address outside the municipality" flag. Each builder returns plain data with the same id and constraints
 * every form had before, so field fingerprints (and the drafts that depend on them) stay as they were
 * (forms/kit/fingerprint-stability.test.ts). A builder is optional unless given its `required` message.
 */

type Asked = { label?: Text; hint?: Text; required?: Text }

const requiredOr = (required: Text | undefined) => (required ? { errors: { required } } : { optional: true as const })

/** "Ja" before "Nej", as in every yes/no question of the portal. */
export const YES_NO: Option[] = [
  { value: 'yes', label: { sv: 'Ja', en: 'Yes' } },
  { value: 'no', label: { sv: 'Nej', en: 'No' } },
]

/** Yes, no, or "don't know", for what the citizen may not be sure of. */
export const YES_NO_UNKNOWN: Option[] = [...YES_NO, { value: 'unknown', label: { sv: 'Vet inte', en: 'Don’t know' } }]

export const NAME_TOO_LONG: Text = { sv: 'Namnet är för långt. Skriv högst {max} tecken', en: 'The name is too long. Write {max} characters or fewer' }

/** The citizen's own name (`name`), which the browser may fill in. */
export function nameField({ label = { sv: 'Namn', en: 'Name' }, hint, required }: Asked = {}): TextField {
  return {
    id: 'name', kind: 'text', maxLength: 100, autocomplete: 'name', label, ...(hint ? { hint } : {}),
    ...(required ? {} : { optional: true }), errors: { ...(required ? { required } : {}), tooLong: NAME_TOO_LONG },
  }
}

/** The citizen's e-mail address (`email`). */
export function emailField({ label = { sv: 'E-post', en: 'Email' }, hint, required }: Asked = {}): EmailField {
  return { id: 'email', kind: 'email', autocomplete: 'email', label, ...(hint ? { hint } : {}), ...requiredOr(required) }
}

/** The message of a phone question the municipality will call. */
export const PHONE_REQUIRED: Text = {
  sv: 'Telefonnumret saknas. Fyll i det nummer vi kan ringa dig på', en: 'The telephone number is missing. Enter the number we can call you on',
}

/** The citizen's phone number (`phone`). */
export function phoneField({ label = { sv: 'Telefon', en: 'Phone' }, hint, required }: Asked = {}): PhoneField {
  return { id: 'phone', kind: 'phone', autocomplete: 'tel', label, ...(hint ? { hint } : {}), ...requiredOr(required) }
}

/** A postal address (`address`); `place: true` for a place that is not the citizen's home (no saved address offered). */
export function addressField({ label, hint, required, place }: Asked & { label: Text; place?: boolean }): AddressField {
  return { id: 'address', kind: 'address', ...(place ? { autocomplete: 'off' } : {}), label, ...(hint ? { hint } : {}), ...requiredOr(required) }
}

/** The address where the applicant is registered (folkbokförd), which the applications ask. */
export const registeredAddressField = (hint: Text): AddressField => addressField({
  label: { sv: 'Folkbokföringsadress', en: 'Registered address' }, hint,
  required: { sv: 'Adressen saknas. Fyll i adressen där du är folkbokförd', en: 'The address is missing. Enter the address where you are registered' },
})

/**
 * The flag raised when the `address` answer's postcode is not one of the municipality's (setting
 * `municipalityPostcodes`): staff check it, the case is received all the same. The texts say whose address it is.
 */
export function addressOutsideFlag(texts: Pick<FlagDef, 'reason' | 'clear' | 'unknown' | 'citizen'>): FlagDef {
  return { id: 'addressOutside', when: { postcodeOutside: { field: 'address', setting: 'municipalityPostcodes' } }, ...texts }
}

/** The applications' flag on the registered address: the population register needs checking. `citizen` says what happens next. */
export const registeredAddressOutsideFlag = (citizen: Text): FlagDef => addressOutsideFlag({
  reason: { sv: 'Postnumret hör inte till kommunen, så folkbokföringen behöver kontrolleras', en: 'The postcode is not the municipality’s, so the population register needs checking' },
  clear: { sv: 'Postnumret hör till kommunen', en: 'The postcode is in the municipality' },
  unknown: { sv: 'Det gick inte att avgöra automatiskt om postnumret hör till kommunen', en: 'It could not be judged automatically whether the postcode is in the municipality' },
  citizen,
})
