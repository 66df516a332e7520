import Organisationsnummer from 'organisationsnummer'
import { z } from 'zod'
import { message } from '../messages.ts'
import type { OrgnrField } from '../types.ts'
import { blank, str, type Kind } from './kind.ts'

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

export const orgnr: Kind<OrgnrField> = {
  schema: (field, ctx) =>
    z.preprocess(str, z.string().transform((v, zctx) => {
      const fail = (rule: string, fallback: { sv: string; en: string }) => {
        zctx.addIssue({ code: 'custom', message: message(field, rule, ctx.locale, fallback) })
        return z.NEVER
      }
      const r = normaliseOrgnr(v)
      if (!r.ok && r.problem === 'personnummer')
        return fail('personnummer', { sv: 'Skriv organisationsnumret, inte ett personnummer', en: 'Enter the organisation number, not a personal identity number' })
      if (!r.ok)
        return fail('invalid', { sv: 'Kontrollera {label}. Det ska ha tio siffror, till exempel 802000-1234', en: 'Check the {label}. It must have ten digits, like 802000-1234' })
      if (field.entityTypes && !field.entityTypes.includes(r.value.charAt(0)))
        return fail('wrongType', { sv: '{label} hör inte till rätt sorts organisation', en: 'The {label} does not belong to the right kind of organisation' })
      return r.value
    })),
  isEmpty: blank,
  format: (v) => str(v),
  inputNames: (f) => [f.id],
  requiredMessage: (f, locale) => message(f, 'required', locale, { sv: 'Fyll i {label}', en: 'Enter the {label}' }),
}
