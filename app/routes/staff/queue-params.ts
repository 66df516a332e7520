import { SORTS, VIEWS, type QueueSort, type QueueView } from '#services/cases/queue-views.ts'

/**
 * The queue's state lives in its URL (view, filters, sort, page), so every view is a link staff can
 * bookmark, share or open in a new tab, and the page works without JavaScript.
 */
export const VIEW_LABEL: Record<QueueView, string> = {
  nya: 'Nya', mina: 'Mina', forsenade: 'Försenade', vantar: 'Väntar på medborgaren', vidarebefordrade: 'Vidarebefordrade', beslutade: 'Beslutade', alla: 'Alla',
}
/** A förvaltning user's three views have the same names in the URL and their own labels. */
export const DEPARTMENT_VIEW_LABEL: Partial<Record<QueueView, string>> = { nya: 'Att ta emot', mina: 'Mottagna', alla: 'Alla till förvaltningen' }
export const SORT_LABEL: Record<QueueSort, string> = { aldst: 'Äldst först', nyast: 'Nyast först', frist: 'Närmast tidsfrist' }

export type QueueParams = {
  view: QueueView
  sort?: QueueSort
  formId?: string
  team?: string
  status?: string
  channel?: string
  location?: string
  flag?: string
  minAgeDays?: number
  after?: { key: string; id: string }
}

const FILTER_KEYS = { formId: 'e-tjanst', team: 'team', status: 'status', channel: 'kanal', location: 'plats', flag: 'flagga', minAgeDays: 'alder' } as const

const pick = <T extends string>(v: string | null, allowed: readonly T[]): T | undefined => (allowed as readonly string[]).includes(v ?? '') ? (v as T) : undefined

export function parseQueueParams(search: URLSearchParams, allowedViews: readonly QueueView[] = VIEWS): QueueParams {
  const view = pick(search.get('vy'), allowedViews) ?? 'nya'
  const text = (k: string) => {
    const v = search.get(k)?.trim()
    return v && v.length <= 60 ? v : undefined
  }
  const age = Number(search.get(FILTER_KEYS.minAgeDays))
  const cursor = search.get('efter')
  const sep = cursor?.lastIndexOf('_') ?? -1
  const key = cursor && sep >= 0 ? cursor.slice(0, sep) : ''
  return {
    view,
    sort: pick(search.get('sortera'), SORTS),
    formId: text(FILTER_KEYS.formId), team: text(FILTER_KEYS.team), status: text(FILTER_KEYS.status), channel: text(FILTER_KEYS.channel),
    location: text(FILTER_KEYS.location), flag: text(FILTER_KEYS.flag),
    minAgeDays: Number.isInteger(age) && age > 0 && age < 3650 ? age : undefined,
    after: cursor && sep >= 0 && (key === '' || !Number.isNaN(Date.parse(key))) ? { key, id: cursor.slice(sep + 1) } : undefined,
  }
}

/** The URL of a queue state; `after` is dropped unless given, so changing a filter starts from page one. */
export function queueHref(p: QueueParams): string {
  const s = new URLSearchParams()
  s.set('vy', p.view)
  if (p.sort) s.set('sortera', p.sort)
  for (const [field, key] of Object.entries(FILTER_KEYS)) {
    const v = p[field as keyof typeof FILTER_KEYS]
    if (v !== undefined && v !== '') s.set(key, String(v))
  }
  if (p.after) s.set('efter', `${p.after.key}_${p.after.id}`)
  return `/servicecenter?${s}`
}

export const FILTER_PARAM = FILTER_KEYS
