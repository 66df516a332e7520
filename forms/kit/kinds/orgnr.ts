import Organisationsnummer from 'organisationsnummer'
import * as z from 'zod/mini'
import { messagesOf, pick, requiredFrom } from '../messages.ts'
import type { OrgnrField } from '../types.ts'
import { blank, convert, oneInput, preprocess, refuse, str, type Kind } from './kind.ts'
import { ORGNR_EXAMPLE } from '../examples.ts'
export { ORGNR_EXAMPLE }

export type OrgnrResult = { ok: true; value: string } | { ok: false; problem: 'invalid' | 'personnummer' }

/**
 * Reads an organisationsnummer (NNNNNN-NNNC, ten digits, or the twelve-digit form with 16 in front) and
 * returns NNNNNN-NNNC. The `organisationsnummer` library checks Luhn and that digits 3–4 are ≥ 20
 * (docs/domain.md §6.3); it also accepts a sole trader's personnummer, which an organisation field must not.
 */
export function normaliseOrgnr(input: string): OrgnrResult {
  const compact = input.replace(/\s+/g, '')
  let parsed: Organisationsnummer
  try {
    parsed = Organisationsnummer.parse(compact)
  } catch {
    return { ok: false, problem: 'invalid' }
  }
  if (parsed.isPersonnummer()) return { ok: false, problem: 'personnummer' }
  return { ok: true, value: parsed.format(true) }
}

/** An association's number with a correct check digit, for hints and messages. */

const ORGNR = {
  required: { sv: 'Organisationsnumret saknas. Fyll i det', en: 'The organisation number is missing. Enter it' },
  personnummer: { sv: 'Det här är ett personnummer. Skriv organisationsnumret i stället', en: 'This is a personal identity number. Enter the organisation number instead' },
  invalid: { sv: `Organisationsnumret stämmer inte. Det har tio siffror, till exempel ${ORGNR_EXAMPLE}`, en: `The organisation number is not correct. It has ten digits, like ${ORGNR_EXAMPLE}` },
  wrongType: { sv: 'Organisationsnumret hör till en annan sorts organisation än den som kan ansöka', en: 'The organisation number belongs to another kind of organisation than those that can apply' },
}

export const orgnr: Kind<OrgnrField> = {
  schema: (field, ctx) => {
    const m = messagesOf(field, ctx.locale, ORGNR)
    return preprocess(str, z.pipe(z.string(), convert((v: string, zctx) => {
      const r = normaliseOrgnr(v)
      if (!r.ok) return refuse(zctx, m(r.problem))
      if (field.entityTypes && !field.entityTypes.includes(r.value.charAt(0))) return refuse(zctx, m('wrongType'))
      return r.value
    })))
  },
  isEmpty: blank,
  format: (v) => str(v),
  inputNames: oneInput,
  requiredMessage: requiredFrom(ORGNR),
  messages: (f) => pick(ORGNR, { wrongType: !!f.entityTypes }),
}
