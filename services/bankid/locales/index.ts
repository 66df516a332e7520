import ar from './ar.json' with { type: 'json' }
import fi from './fi.json' with { type: 'json' }
import type { Locale } from '#forms/kit/types.ts'

/**
 * BankID's user messages (RFA) beyond Swedish and English, by language and code (ADR 050). Imported by the server
 * only, which compiles them into each page's catalog under `bankid.`; the status line reads them from there.
 */
export const RFA_TRANSLATIONS: Partial<Record<Locale, Record<string, unknown>>> = { fi, ar }
