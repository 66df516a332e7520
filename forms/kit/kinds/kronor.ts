import { intlLocale } from '../languages.ts'
import type { Locale } from '../types.ts'

/** An amount as the municipality writes it. Apart from the money kind, which notices use without it (ADR 053). */
export const formatKronor = (n: number, locale: Locale) =>
  `${new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 }).format(n)} kr`
