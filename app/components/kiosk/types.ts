import type { KioskIdle } from '#services/kiosk/idle.ts'

/** What the root loader tells every page about the kiosk it runs on (null on ordinary browsers). */
export type KioskView = {
  name: string
  locationName: string
  idle: KioskIdle
  /** Whether anything of a visit is stored (a session, a choice of language or display): then idleness ends it. */
  visitActive: boolean
  largeText: boolean
  highContrast: boolean
  /** Who the visitor logged in as, if they did. */
  visitor: { name: string; via: 'library-card' | 'bankid' } | null
  /** The staff member filling in together with the visitor, in assisted mode. */
  assistedBy: string | null
  libraryCardLogin: boolean
}

/** Classes on <html>: the kiosk layout, and the visitor's display choices (rem sizes follow the root font size). */
export function kioskHtmlClass(kiosk: KioskView | null | undefined): string | undefined {
  if (!kiosk) return undefined
  return ['kiosk', kiosk.largeText && 'kiosk--large-text', kiosk.highContrast && 'kiosk--contrast'].filter(Boolean).join(' ')
}
