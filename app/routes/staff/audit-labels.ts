/** Staff-facing wording for audit log entries: the utkorg's log and the access log (ADR 018) name them alike. */
const AUDIT: Record<string, string> = {
  'case.view': 'Öppnade ärende', 'case.attachment': 'Öppnade bilaga', 'case.pdf': 'Öppnade PDF', search: 'Sökte',
  'search.personnummer': 'Sökte på personnummer', 'statistics.export': 'Exporterade statistik', 'association.view': 'Öppnade förening',
  'access_log.lookup': 'Sökte i åtkomstloggen', 'case.archive': 'Exporterade arkivpaket',
  'register.extract': 'Skapade registerutdrag', 'register.extract.self': 'Laddade ner sina uppgifter (Mina sidor)',
  'staff.create': 'Skapade konto', 'staff.update': 'Ändrade konto', 'staff.deactivate': 'Stängde av konto',
  'staff.reactivate': 'Aktiverade konto', 'staff.password': 'Satte nytt lösenord',
}

export const auditActionLabel = (action: string) => AUDIT[action] ?? action

const DOCUMENT: Record<string, string> = { kvitto: 'Kvitto', beslut: 'Beslutsbrev' }

/** The one detail worth a column: what was searched for, which file or which document. */
export function auditDetail(details: Record<string, unknown>): string {
  const s = (k: string) => (typeof details[k] === 'string' ? (details[k] as string) : '')
  if (s('q')) return s('format') === 'csv' ? `${s('q')} (CSV)` : s('q')
  if (s('document')) return DOCUMENT[s('document')] ?? s('document')
  return s('name')
}
