import type { FormDefinition, Locale, Text } from './types.ts'

/**
 * What the portal knows about each of its languages beyond the texts: its own name (the language switch shows
 * every language in itself, so a visitor finds theirs without reading the page's), its writing direction and
 * the Intl locale its dates and numbers are formatted with.
 */
export const LANGUAGE_NAMES: Record<Locale, string> = { sv: 'Svenska', en: 'English', fi: 'Suomi', ar: 'العربية' }

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && Object.hasOwn(LANGUAGE_NAMES, value)

/** The languages an e-service's own texts are in; a visitor in another language is told and reads them in Swedish. */
export const languagesOf = (def: Pick<FormDefinition, 'languages'>): readonly Locale[] => def.languages ?? ['sv', 'en']

/**
 * The `lang` and `dir` of an e-service's own texts on a page in `locale`: nothing when they are in the page's
 * language; Swedish, left to right, when the e-service is not translated into it (WCAG 3.1.2, language of parts).
 */
export const textLanguage = (def: Pick<FormDefinition, 'languages'>, locale: Locale): { lang: 'sv'; dir: 'ltr' } | undefined =>
  languagesOf(def).includes(locale) ? undefined : { lang: 'sv', dir: 'ltr' }

/** The same for one text (a case's title, kept from the definition it was filed under): Swedish where untranslated. */
export const textLanguageOf = (text: Text, locale: Locale): { lang: 'sv'; dir: 'ltr' } | undefined =>
  text[locale] === undefined ? { lang: 'sv', dir: 'ltr' } : undefined

export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (locale === 'ar' ? 'rtl' : 'ltr')

/**
 * A number put into a sentence (a phone number, a case number), kept left to right inside right-to-left text by
 * Unicode's isolates (LRI … PDI): without them "08-578 291 00" reads "00 291 08-578" in Arabic. Other languages get
 * the value as it is.
 */
export const ltrIn = (locale: Locale, value: string): string => (directionOf(locale) === 'rtl' && value ? `\u2066${value}\u2069` : value)

/**
 * Dates and numbers as the language writes them. Arabic keeps Western digits (`nu-latn`): the personnummer,
 * case numbers and phone numbers beside them are written so in Sweden, and one page should not mix two digit sets.
 */
const INTL: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB', fi: 'fi-FI', ar: 'ar-u-nu-latn' }
export const intlLocale = (locale: Locale): string => INTL[locale]

/**
 * The language of what the portal writes beyond its pages (PDFs, e-mails, the text signed with BankID): those
 * exist in Swedish and English only, so a Finnish or Arabic visitor gets them in Swedish, the official language.
 */
export const documentLocale = (locale: Locale): 'sv' | 'en' => (locale === 'en' ? 'en' : 'sv')
