// How a case looks to the citizen on Mina sidor: five plain stages, what happened when, and the messages
// between them and the servicecenter — all derived from the case's event log (services/cases/events.ts).
// Staff-internal events (notes, checks, flags, claims between colleagues) never reach the citizen; event
// types this code does not know yet move a just-received case to "being handled" and are otherwise ignored.
// Client-safe and pure.

export const STAGES = ['received', 'handling', 'waiting', 'decided', 'closed'] as const
export type Stage = (typeof STAGES)[number]

export type TimelineEvent = { seq: number; type: string; at: Date | string; data: Record<string, unknown> }

/** What a history line says; the words live in app/i18n.ts. */
export type HistoryKind = 'received' | 'handling' | 'supplementRequested' | 'supplementReceived' | 'decided' | 'closed' | 'reopened'
export type HistoryItem = { at: string; kind: HistoryKind }

export type CitizenMessage =
  | { at: string; kind: 'message'; from: 'servicecenter' | 'you'; text: string; attachments: FileLink[] }
  | { at: string; kind: 'supplementRequest'; text: string; items: string[]; dueDate: string | null }
  | { at: string; kind: 'decision'; decision: 'approved' | 'denied' | null; text: string }

/** A file sent with a message or a supplement answer, stored with the case. */
export type FileLink = { id: string; name: string }

/** A supplement request still waiting for the citizen's answer (issue 5 adds the answer form). */
export type OpenRequest = { seq: number; text: string; items: string[]; dueDate: string | null }

export type CitizenTimeline = { stage: Stage; history: HistoryItem[]; messages: CitizenMessage[]; openRequest: OpenRequest | null }

/** The stage an event moves the case to; null for events that do not change what the citizen sees. */
const STAGE_OF: Record<string, Stage | null> = {
  received: 'received',
  claimed: 'handling',
  reassigned: 'handling',
  forwarded: 'handling',
  accepted: 'handling',
  returned: 'handling',
  supplement_received: 'handling',
  reopened: 'handling',
  supplement_requested: 'waiting',
  decided: 'decided',
  closed: 'closed',
  released: null,
  note: null,
  checked: null,
  flagged: null,
  unflagged: null,
  message: null,
}

const HISTORY_OF: Partial<Record<string, HistoryKind>> = {
  received: 'received',
  supplement_requested: 'supplementRequested',
  supplement_received: 'supplementReceived',
  decided: 'decided',
  closed: 'closed',
  reopened: 'reopened',
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const iso = (at: Date | string) => (at instanceof Date ? at.toISOString() : new Date(at).toISOString())
const labels = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((i) => (typeof i === 'string' ? i : str((i as { label?: unknown } | null)?.label))).filter(Boolean) : []

const files = (v: unknown): FileLink[] =>
  Array.isArray(v) ? v.filter((f): f is FileLink => typeof f?.id === 'string' && typeof f?.name === 'string').map(({ id, name }) => ({ id, name })) : []

export function citizenTimeline(events: readonly TimelineEvent[]): CitizenTimeline {
  let stage: Stage = 'received'
  const history: HistoryItem[] = []
  const messages: CitizenMessage[] = []
  let openRequest: OpenRequest | null = null

  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const at = iso(e.at)
    const known = e.type in STAGE_OF
    const next: Stage | null = known ? (STAGE_OF[e.type] ?? null) : stage === 'received' ? 'handling' : null
    const kind = HISTORY_OF[e.type] ?? (next === 'handling' && stage === 'received' ? 'handling' : undefined)
    if (kind) history.push({ at, kind })
    if (next) stage = next

    if (e.type === 'message') {
      const text = str(e.data.text)
      const attachments = files(e.data.attachments)
      if (text || attachments.length) messages.push({ at, kind: 'message', from: e.data.direction === 'in' ? 'you' : 'servicecenter', text, attachments })
    } else if (e.type === 'supplement_requested') {
      const request = { text: str(e.data.message), items: labels(e.data.items), dueDate: str(e.data.dueDate) || null }
      messages.push({ at, kind: 'supplementRequest', ...request })
      openRequest = { seq: e.seq, ...request }
    } else if (e.type === 'supplement_received') {
      const text = str(e.data.text)
      const attachments = files(e.data.attachments)
      if (text || attachments.length) messages.push({ at, kind: 'message', from: 'you', text, attachments })
      openRequest = null
    } else if (e.type === 'decided') {
      const d = e.data.decision
      messages.push({ at, kind: 'decision', decision: d === 'approved' || d === 'denied' ? d : null, text: str(e.data.reasons) })
    } else if (e.type === 'closed') {
      openRequest = null
    }
  }
  if (stage === 'closed' || stage === 'decided') openRequest = null
  return { stage, history, messages, openRequest }
}
