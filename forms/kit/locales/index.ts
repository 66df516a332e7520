import ar from './ar.json' with { type: 'json' }
import fi from './fi.json' with { type: 'json' }
import type { Locale } from '../types.ts'

/**
 * The form kit's texts beyond Swedish and English, by language (see ../catalog.ts). Imported by the server only,
 * which compiles them into each page's catalog; a browser gets the page's language through that.
 */
export const KIT_TRANSLATIONS: Partial<Record<Locale, Record<string, unknown>>> = { fi, ar }
