import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage'
import type { Messages } from '@lingui/core'
import { withoutMeta } from '#forms/kit/translations.ts'

/**
 * The catalogs in this folder, one JSON file per language named by its code ("sv.json"), of ICU MessageFormat
 * messages under flat keys; an optional "_meta" object (translation status and the like) is not a message.
 */
const files = import.meta.glob<Record<string, unknown>>('./*.json', { eager: true, import: 'default' })

export const catalogFiles = (): Record<string, Record<string, unknown>> =>
  Object.fromEntries(Object.entries(files).map(([path, catalog]) => [path.replace(/^.*\/([\w-]+)\.json$/, '$1'), catalog]))

/** A catalog compiled for Lingui: plain JSON the browser formats without a parser. A broken message names itself. */
export function compileCatalog(locale: string, catalog: Record<string, unknown>, file = `app/locales/${locale}.json`): Messages {
  const compiled: Messages = {}
  for (const [key, text] of Object.entries(withoutMeta(catalog))) {
    if (typeof text !== 'string') throw new Error(`${file}: ${key} is not a message`)
    try {
      compiled[key] = compileMessageOrThrow(text)
    } catch (error) {
      throw new Error(`${file}: ${key} is not valid ICU MessageFormat: ${(error as Error).message}`, { cause: error })
    }
  }
  return compiled
}

/**
 * Texts kept beside their code in a language beyond Swedish and English (ADR 050): the form kit's
 * (forms/kit/locales, read through `provideKitTexts`) and BankID's messages (services/bankid/locales). Compiled
 * under `<part>.` so they travel in the page's catalog with the interface's texts.
 */
export function compilePart(part: string, folder: string, locale: string, catalog: Record<string, unknown> = {}): Messages {
  const compiled = compileCatalog(locale, catalog, `${folder}/${locale}.json`)
  return Object.fromEntries(Object.entries(compiled).map(([key, message]) => [`${part}.${key}`, message]))
}
