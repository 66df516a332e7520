import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage'
import type { Messages } from '@lingui/core'

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
  for (const [key, text] of Object.entries(catalog)) {
    if (key === '_meta') continue
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
 * The form kit's texts in a language beyond Swedish and English (forms/kit/locales, ADR 050), compiled under
 * `kit.` so they travel in the page's catalog: the kit reads them through `provideKitTexts` (app/i18n.ts).
 */
export function compileKitCatalog(locale: string, catalog: Record<string, unknown> = {}): Messages {
  const compiled = compileCatalog(locale, catalog, `forms/kit/locales/${locale}.json`)
  return Object.fromEntries(Object.entries(compiled).map(([key, message]) => [`kit.${key}`, message]))
}
