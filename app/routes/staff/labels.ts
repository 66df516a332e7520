import { dateTimeFormat } from '#forms/kit/intl.ts'
/** Staff-facing wording for case events, statuses and channels; the event log is the source, these are only its names. */
const EVENT: Record<string, string> = {
  received: 'Mottagen',
  claimed: 'Tagen',
  released: 'Släppt',
  reassigned: 'Omfördelad',
  note: 'Intern anteckning',
  checked: 'Kontrollpunkt',
  flagged: 'Flaggad',
  unflagged: 'Flagga borttagen',
  supplement_requested: 'Komplettering begärd',
  supplement_received: 'Komplettering inkommen',
  forwarded: 'Vidarebefordrad',
  accepted: 'Mottagen av förvaltningen',
  returned: 'Återförd till servicecenter',
  decided: 'Beslut',
  closed: 'Avslutad',
  reopened: 'Återöppnad',
  message: 'Meddelande',
  letter_sent: 'Brev skickat med post',
}

export const eventLabel = (type: string) => EVENT[type] ?? type

const STATUS: Record<string, string> = {
  new: 'Ny',
  in_progress: 'Under handläggning',
  waiting: 'Väntar på medborgaren',
  forwarded: 'Vidarebefordrad',
  decided: 'Beslutad',
  closed: 'Avslutad',
}
export const caseStatusLabel = (status: string) => STATUS[status] ?? status
export const CASE_STATUS_OPTIONS = Object.entries(STATUS)

const OUTCOME: Record<string, string> = {
  answered: 'Besvarat direkt',
  handled: 'Handlagt av servicecenter',
  forwarded: 'Vidarebefordrat',
  referred: 'Hänvisat till annan aktör',
  department: 'Handlagt av förvaltningen',
  duplicate: 'Dubblett',
}
export const outcomeLabel = (o: string) => OUTCOME[o] ?? o
export const CLOSE_OUTCOME_OPTIONS = Object.entries(OUTCOME).filter(([k]) => k !== 'department' && k !== 'duplicate')

const FLAG: Record<string, string> = {
  supplement_received: 'Komplettering inkommen',
  message_received: 'Nytt meddelande',
  returned: 'Återförd',
  incomplete: 'Ofullständigt',
  eligibility: 'Villkor',
  urgent: 'Brådskande',
  confidential: 'Sekretess',
  late: 'Försenat',
  other: 'Flaggat',
}
export const flagLabel = (f: string) => FLAG[f] ?? f
export const FLAG_FILTER_OPTIONS = Object.entries(FLAG)

export const formatDateTime = (iso: string) =>
  dateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso))
export const formatDate = (iso: string) =>
  dateTimeFormat('sv-SE', { dateStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso))

/** "3 d", "5 h": how long a case has waited, the number staff sort their day by. */
export function ageLabel(iso: string, now: Date = new Date()): string {
  const hours = Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 3_600_000))
  return hours < 24 ? `${hours} h` : `${Math.floor(hours / 24)} d`
}

const CHANNEL: Record<string, string> = {
  web: 'Webb', kiosk: 'Kunddator', assisted: 'Med hjälp på plats', phone: 'Telefon', visit: 'Besök', email: 'E-post', letter: 'Brev',
}
export const channelLabel = (c: string) => CHANNEL[c] ?? c
export const CHANNEL_OPTIONS = Object.entries(CHANNEL)
/** The channels staff register a matter through on a citizen's behalf. */
export const ASSISTED_CHANNELS = ['phone', 'visit', 'email', 'letter'] as const
