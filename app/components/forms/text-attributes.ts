import type { FieldDef } from '#forms/kit/index.ts'

type TextLike = Extract<FieldDef, { kind: 'text' | 'email' | 'phone' | 'number' | 'date' | 'personnummer' | 'orgnr' | 'money' }>

/**
 * The attributes that make one-line inputs easy on a phone: the right keyboard (`inputmode`, GOV.UK's
 * advice over type="number", which mangles leading zeros and scrolls), no spell-checking of codes, and
 * a width that hints at the answer's length. Personnummer and organisationsnummer get the digit keyboard:
 * all 12 digits without a separator are accepted, so no "-" or "+" key is needed.
 */
export function textAttributes(field: TextLike) {
  const numeric = field.kind === 'personnummer' || field.kind === 'orgnr' || (field.kind === 'number' && field.integer)
  return {
    type: field.kind === 'email' ? 'email' : field.kind === 'phone' ? 'tel' : field.kind === 'date' ? 'date' : 'text',
    inputMode: numeric ? ('numeric' as const)
      : field.kind === 'number' || field.kind === 'money' ? ('decimal' as const)
      : field.kind === 'text' ? field.inputMode
      : undefined,
    className: field.kind === 'text' && field.maxLength !== undefined && field.maxLength <= 10 ? 'input input--short'
      : numeric || field.kind === 'number' || field.kind === 'money' ? 'input input--medium'
      : 'input',
    spellCheck: field.kind === 'text' ? undefined : false,
    maxLength: field.kind === 'text' ? field.maxLength : field.kind === 'personnummer' || field.kind === 'orgnr' ? 13 : undefined,
  }
}
