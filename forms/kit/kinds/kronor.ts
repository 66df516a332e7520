import { intlLocale } from '../languages.ts'
import type { Locale } from '../types.ts'
import { numberFormat } from '../intl.ts'

/** An amount as the municipality writes it. Apart from the money kind, which notices use without it (ADR 053). */
export const formatKronor = (n: number, locale: Locale) =>
  `${numberFormat(intlLocale(locale), { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 }).format(n)} kr`
