import * as z from 'zod/mini'
import { message } from './messages.ts'
import type { FieldDef, Locale, Text } from './types.ts'

/**
 * The portal's last word on any check that has no message of its own: every check in the kit names its
 * own, but zod's defaults are English library text ("Too big: expected string…") and must never reach a
 * visitor. Installed process-wide (and in the browser) by importing this module, so schemas outside the
 * kit fall back to Swedish, the portal's language, too.
 */
export const PORTAL_FALLBACK = 'Kontrollera uppgiften.'
z.config({ customError: () => PORTAL_FALLBACK })

/** What a kind without its own "invalid" check says about an answer of the wrong shape (a hand-made post). */
export const UNREADABLE: Text = { sv: 'Svaret gick inte att läsa. Skriv det igen', en: 'The answer could not be read. Enter it again' }

/**
 * A per-parse error map for one field, in the visitor's language: the definition's own "invalid" text
 * if it has one, else UNREADABLE. Ranked below a check's own message, above the fallback.
 */
export const invalidAnswer = (field: FieldDef, locale: Locale) => ({
  error: () => message(field, 'invalid', locale, UNREADABLE),
})
