import { holds } from './conditions.ts'
import type { Answers, AnswerRoles, Condition, FieldDef, FieldKind, FormDefinition, RoleRef } from './types.ts'

/**
 * The roles a definition's answers play (`FormDefinition.roles`), and what each one holds in a case. Every
 * consumer that needs "the applicant", "the e-mail address", "the postal address", "the association" or "the
 * signer's role in it" reads
 * them here instead of guessing a field by its id or kind (ADR 040).
 */

/** The kind each role's field must have. */
export const ROLE_KINDS = {
  applicantName: ['text'],
  applicantPnr: ['personnummer'],
  email: ['email'],
  phone: ['phone'],
  address: ['address'],
  associationName: ['text'],
  associationOrgnr: ['orgnr'],
  signerRole: ['choice'],
} as const satisfies Record<keyof AnswerRoles, readonly FieldKind[]>

export type RoleName = keyof typeof ROLE_KINDS

const choices = (ref: RoleRef | undefined): { field: string; when?: Condition }[] =>
  ref === undefined ? [] : typeof ref === 'string' ? [{ field: ref }] : ref

/** The field ids a role may read, in order. */
export const roleFields = (roles: AnswerRoles, role: RoleName): string[] => choices(roles[role]).map((c) => c.field)

/**
 * The roles as a definition from before `roles` existed (a case's snapshot) had them in effect: what the
 * consumers guessed then, so a case keeps behaving as it did when it was received. The first e-mail question;
 * the question filled from the BankID name (or the browser's name) and personnummer; `postal`'s address.
 */
function legacyRoles(def: FormDefinition): AnswerRoles {
  const fields = def.pages.flatMap((p) => p.fields)
  const first = (test: (f: FieldDef) => boolean) => fields.find(test)?.id
  const roles: AnswerRoles = {}
  const email = first((f) => f.kind === 'email')
  const name = first((f) => f.prefill?.from === 'name' || (f.kind === 'text' && f.autocomplete === 'name'))
  const pnr = first((f) => f.kind === 'personnummer' && f.prefill?.from === 'personalNumber')
  if (email) roles.email = email
  if (name) roles.applicantName = name
  if (pnr) roles.applicantPnr = pnr
  if (def.postal) {
    roles.address = def.postal.address
    // postal.name was whoever a letter is addressed to: the applicant's own question, or else the association.
    if (def.postal.name !== name) roles.associationName = def.postal.name
  }
  return roles
}

/** The definition's roles; for a snapshot from before roles were declared, the ones it had in effect. */
export function answerRoles(def: FormDefinition): AnswerRoles {
  return def.roles ?? legacyRoles(def)
}

/** A postal address as the address kind stores it. */
export type PostalAddress = { street: string; postcode: string; city: string }

/** What each role holds in the answers: trimmed text, or null when the role is not declared or not answered. */
export type RoleAnswers = { [R in Exclude<RoleName, 'address'>]: string | null } & { address: PostalAddress | null }

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null)

/** A complete postal address from an address answer (or an identity's address), else null. */
export function postalAddressOf(v: unknown): PostalAddress | null {
  if (!v || typeof v !== 'object') return null
  const a = v as Record<string, unknown>
  const [street, postcode, city] = [text(a.street), text(a.postcode), text(a.city)]
  return street && postcode && city ? { street, postcode, city } : null
}

/** The answer that plays `role`: the first choice whose condition holds, if it is answered. */
function answerOf(def: FormDefinition, answers: Answers, role: RoleName): unknown {
  const choice = choices(answerRoles(def)[role]).find((c) => holds(c.when, answers))
  return choice ? answers[choice.field] : undefined
}

/** Every role's answer in one case. */
export function roleAnswers(def: FormDefinition, answers: Answers): RoleAnswers {
  const get = (role: RoleName) => text(answerOf(def, answers, role))
  const email = get('email')
  return {
    applicantName: get('applicantName'),
    applicantPnr: get('applicantPnr'),
    email: email && email.includes('@') ? email : null,
    phone: get('phone'),
    address: postalAddressOf(answerOf(def, answers, 'address')),
    associationName: get('associationName'),
    associationOrgnr: get('associationOrgnr'),
    signerRole: get('signerRole'),
  }
}

/**
 * Checks the roles when the definition loads: each names existing top-level fields of the role's kind, never a
 * sensitive one (the roles are read by the queue, the search and the mail, which everyone who works cases sees),
 * and a role's conditions name existing fields.
 */
export function checkRoles(def: FormDefinition, fields: Map<string, FieldDef>, problems: string[]) {
  const roles = def.roles
  if (!roles) return
  for (const [role, ref] of Object.entries(roles) as [RoleName, RoleRef][]) {
    const kinds = ROLE_KINDS[role] as readonly string[] | undefined
    if (!kinds) {
      problems.push(`unknown role "${role}"`)
      continue
    }
    if (choices(ref).length === 0) problems.push(`role "${role}" names no field`)
    for (const { field, when } of choices(ref)) {
      const f = fields.get(field)
      if (!f) problems.push(`role "${role}" refers to unknown field "${field}"`)
      else if (!kinds.includes(f.kind)) problems.push(`role "${role}" must name a field of kind ${kinds.join(' or ')}, but "${field}" is a ${f.kind}`)
      else if (f.sensitive) problems.push(`role "${role}" must not name the sensitive field "${field}"`)
      if (when && !fields.has(when.field)) problems.push(`role "${role}" has a condition on unknown field "${when.field}"`)
    }
  }
  if (roles.associationOrgnr && !roles.associationName) problems.push('role "associationOrgnr" needs "associationName"')
}
