/** Staff-facing wording for case events; the event log is the source, these are only its names. */
const STATUS: Record<string, string> = {
  received: 'Mottagen',
}

export const statusLabel = (type: string) => STATUS[type] ?? type

export const formatDateTime = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso))

const CHANNEL: Record<string, string> = { web: 'Webb', kiosk: 'Kunddator', phone: 'Telefon', visit: 'Besök', email: 'E-post', letter: 'Brev' }
export const channelLabel = (c: string) => CHANNEL[c] ?? c
