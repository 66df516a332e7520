import { citizenTimeline, type TimelineEvent } from '#services/cases/citizen-timeline.ts'
import { HIDDEN_ATTACHMENT } from '#services/cases/sensitive.ts'

export type ThreadEntry = {
  at: string
  heading: string
  fromCitizen: boolean
  text: string
  items: string[]
  /** `href` null: a sensitive file this reader may not open, named only as such. */
  files: { id: string; name: string; href: string | null }[]
}

const DECISION = { approved: 'Beslut: bifall', denied: 'Beslut: avslag' } as const

/**
 * The thread with the citizen as staff see it, oldest first: derived by the same function as Mina sidor's
 * (services/cases/citizen-timeline.ts), so both sides show the same messages in the same order. `hidden`: ids of
 * the files this reader may not open.
 */
export function staffThread(events: readonly TimelineEvent[], caseId: string, hidden: ReadonlySet<string> = new Set()): ThreadEntry[] {
  return citizenTimeline(events).messages.map((m) => {
    const base = { at: m.at, text: m.text, items: [] as string[], files: [] as ThreadEntry['files'] }
    if (m.kind === 'supplementRequest') return { ...base, heading: 'Begäran om komplettering', fromCitizen: false, items: m.items }
    if (m.kind === 'decision') return { ...base, heading: m.decision ? DECISION[m.decision] : 'Beslut', fromCitizen: false }
    const fromCitizen = m.from === 'you'
    return {
      ...base, fromCitizen, heading: fromCitizen ? 'Från medborgaren' : 'Till medborgaren',
      files: m.attachments.map((f) => hidden.has(f.id)
        ? { id: f.id, name: HIDDEN_ATTACHMENT, href: null }
        : { id: f.id, name: f.name, href: `/servicecenter/arenden/${caseId}/bilagor/${f.id}` }),
    }
  })
}
