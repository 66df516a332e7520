import { LOCALES } from '#forms/kit/types.ts'
import { provideMessages } from './i18n.ts'
import { KIT_TRANSLATIONS } from '#forms/kit/locales/index.ts'
import { RFA_TRANSLATIONS } from '#services/bankid/locales/index.ts'
import { catalogFiles, compileCatalog, compilePart } from './locales/catalogs.server.ts'

/**
 * Every language's catalog, compiled once for the whole server (ADR 044); a message that is not valid ICU
 * MessageFormat stops the start (and fails the catalogs' unit test first).
 */
const catalogs = catalogFiles()
for (const locale of LOCALES) {
  const catalog = catalogs[locale]
  if (!catalog) throw new Error(`app/locales/${locale}.json is missing`)
  provideMessages(locale, {
    ...compileCatalog(locale, catalog),
    ...compilePart('kit', 'forms/kit/locales', locale, KIT_TRANSLATIONS[locale]),
    ...compilePart('bankid', 'services/bankid/locales', locale, RFA_TRANSLATIONS[locale]),
  })
}
