import type { Session } from '../auth/session.server.ts'
import type { Kiosk } from './kiosks.server.ts'
import { kioskData } from './session-data.server.ts'

/**
 * What a case filed at a kiosk records beside its answers (receiveDraft's input): channel `kiosk` and the
 * kiosk's location, the staff member in assisted mode, and a library-card visitor as the applicant (low
 * assurance: a name and a card number, never a personnummer). Nothing for other browsers.
 */
export type KioskCaseFields = {
  channel?: string
  location?: string
  assistedBy?: { id: string; name: string }
  applicant?: { name: string; libraryCard: string }
}

export function kioskCaseFields(kiosk: Kiosk | undefined, session: Session | null): KioskCaseFields {
  if (!kiosk) return {}
  const data = kioskData(session)
  return {
    channel: 'kiosk',
    location: kiosk.location,
    ...(data.kioskAssist ? { assistedBy: { id: data.kioskAssist.staffId, name: data.kioskAssist.name } } : {}),
    ...(data.libraryCard && !session?.person ? { applicant: { name: data.libraryCard.name, libraryCard: data.libraryCard.patronId } } : {}),
  }
}
