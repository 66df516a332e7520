/** Staff words for what happened on a case since they last looked (case_watchers.pending_kind, ADR 031). */
const NEWS: Record<string, string> = {
  message: 'Nytt meddelande',
  supplement_received: 'Ny komplettering',
  returned: 'Återförd från förvaltning',
}

export const newsLabel = (kind: string | null): string | null => (kind ? (NEWS[kind] ?? 'Nytt') : null)

/** The counter in the staff navigation, in words for a screen reader as well as the eye. */
export const needsMeText = (n: number): string => (n === 1 ? '1 ärende behöver dig' : `${n} ärenden behöver dig`)
