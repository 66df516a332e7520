import { typeList } from './kinds/file-types.ts'
import { ORGNR_EXAMPLE } from './examples.ts'
import { phrase } from './phrases.ts'
import { t } from './text.ts'
import type { FieldDef, Locale } from './types.ts'
import { intlLocale } from './languages.ts'
import { numberFormat } from './intl.ts'

const nf = (n: number, locale: Locale) => numberFormat(intlLocale(locale), {}).format(n)

/**
 * What the citizen needs to know before typing, derived from the field's own rules so the hint and the
 * check cannot disagree: lengths of free text, the form of an identity number (with an example that
 * passes the check), the types, sizes and number of files, and a count's bounds when they are not obvious.
 */
export function constraintHint(field: FieldDef, locale: Locale): string | undefined {
  switch (field.kind) {
    case 'textarea':
    case 'text': {
      const { minLength: min, maxLength: max } = field
      if (min && max) return phrase(locale, 'lengthBetween', { min, max })
      if (min) return phrase(locale, 'lengthAtLeast', { min })
      // A one-line input stops at its maximum by itself; a text area shows the limit.
      if (max && field.kind === 'textarea') return phrase(locale, 'lengthAtMost', { max })
      return undefined
    }
    case 'personnummer':
      return phrase(locale, 'personnummerForm')
    case 'orgnr':
      return phrase(locale, 'orgnrForm', { example: ORGNR_EXAMPLE })
    case 'file': {
      const size = phrase(locale, 'fileSize', { max: field.maxSizeMb })
      const count = field.maxFiles > 1 ? ` ${phrase(locale, 'fileCount', { max: field.maxFiles })}` : ''
      return `${typeList(field, locale)}, ${size}.${count}`
    }
    case 'number': {
      // Bounds that only stop nonsense (a million members) would be noise; a floor above 1 or a low ceiling is a rule to know.
      const { min, max } = field
      if (!((min ?? 0) > 1 || (max ?? Infinity) <= 100)) return undefined
      if (min !== undefined && max !== undefined) return phrase(locale, 'numberBetween', { min: nf(min, locale), max: nf(max, locale) })
      if (min !== undefined) return phrase(locale, 'numberAtLeast', { min: nf(min, locale) })
      return phrase(locale, 'numberAtMost', { max: nf(max!, locale) })
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
