import { typeList } from './kinds/file.ts'
import { ORGNR_EXAMPLE, PERSONNUMMER_HINT } from './examples.ts'
import { t } from './text.ts'
import type { FieldDef, Locale } from './types.ts'
import { intlLocale } from './languages.ts'

const nf = (n: number, locale: Locale) => new Intl.NumberFormat(intlLocale(locale)).format(n)

/**
 * What the citizen needs to know before typing, derived from the field's own rules so the hint and the
 * check cannot disagree: lengths of free text, the form of an identity number (with an example that
 * passes the check), the types, sizes and number of files, and a count's bounds when they are not obvious.
 */
export function constraintHint(field: FieldDef, locale: Locale): string | undefined {
  const sv = locale === 'sv'
  switch (field.kind) {
    case 'textarea':
    case 'text': {
      const { minLength: min, maxLength: max } = field
      if (min && max) return sv ? `Minst ${min} och högst ${max} tecken.` : `At least ${min} and at most ${max} characters.`
      if (min) return sv ? `Minst ${min} tecken.` : `At least ${min} characters.`
      // A one-line input stops at its maximum by itself; a text area shows the limit.
      if (max && field.kind === 'textarea') return sv ? `Högst ${max} tecken.` : `${max} characters at most.`
      return undefined
    }
    case 'personnummer':
      return t(PERSONNUMMER_HINT, locale)
    case 'orgnr':
      return sv ? `Tio siffror, till exempel ${ORGNR_EXAMPLE}.` : `Ten digits, like ${ORGNR_EXAMPLE}.`
    case 'file': {
      const size = sv ? `högst ${field.maxSizeMb} MB per fil` : `${field.maxSizeMb} MB per file at most`
      const count = field.maxFiles > 1 ? (sv ? ` Du kan bifoga ${field.maxFiles} filer.` : ` You can attach ${field.maxFiles} files.`) : ''
      return `${typeList(field, locale)}, ${size}.${count}`
    }
    case 'number': {
      // Bounds that only stop nonsense (a million members) would be noise; a floor above 1 or a low ceiling is a rule to know.
      const { min, max } = field
      if (!((min ?? 0) > 1 || (max ?? Infinity) <= 100)) return undefined
      if (min !== undefined && max !== undefined) return sv ? `Från ${nf(min, locale)} till ${nf(max, locale)}.` : `From ${nf(min, locale)} to ${nf(max, locale)}.`
      if (min !== undefined) return sv ? `Minst ${nf(min, locale)}.` : `At least ${nf(min, locale)}.`
      return sv ? `Högst ${nf(max!, locale)}.` : `At most ${nf(max!, locale)}.`
    }
    default:
      return undefined
  }
}

/** The hint as shown: the definition's own words, then the constraints derived from the rules. */
export function fullHint(field: FieldDef, locale: Locale): string | undefined {
  const text = [field.hint ? t(field.hint, locale) : '', constraintHint(field, locale) ?? ''].filter(Boolean).join(' ')
  return text || undefined
}
