import { textTable } from '#app/i18n.ts'

/**
 * The kiosk's own interface texts (the catalogs' "kiosk" part, app/locales/): plain words, short sentences,
 * since many visitors are new to computers. The staff's "Hjälpläge (för personal)" is named apart from the
 * visitor's "Starta" and "Logga in": staff look for it, visitors should not take it for theirs.
 */
export type KioskTextKey = Parameters<typeof kioskText>[1]

/** The kiosk's translator and its hook for the current page's language. */
export const { translate: kioskText, useT: useKioskT } = textTable('kiosk')
