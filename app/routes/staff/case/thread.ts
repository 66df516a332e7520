import { citizenTimeline, type TimelineEvent } from '../../../../services/cases/citizen-timeline.ts'

export type ThreadEntry = {
  at: string
  heading: string
  fromCitizen: boolean
  text: string
  items: string[]
  files: { name: string; href: string }[]
}

const DECISION = { approved: 'Beslut: bifall', denied: 'Beslut: avslag' } as const

/**
 * The thread with the citizen as staff see it, oldest first: derived by the same function as Mina sidor's
 * (services/cases/citizen-timeline.ts), so both sides show the same messages in the same order.
 */
export function staffThread(events: readonly TimelineEvent[], caseId: string): ThreadEntry[] {
  return citizenTimeline(events).messages.map((m) => {
    const base = { at: m.at, text: m.text, items: [] as string[], files: [] as ThreadEntry['files'] }
    if (m.kind === 'supplementRequest') return { ...base, heading: 'Begäran om komplettering', fromCitizen: false, items: m.items }
    if (m.kind === 'decision') return { ...base, heading: m.decision ? DECISION[m.decision] : 'Beslut', fromCitizen: false }
    const fromCitizen = m.from === 'you'
    return {
      ...base, fromCitizen, heading: fromCitizen ? 'Från medborgaren' : 'Till medborgaren',
      files: m.attachments.map((f) => ({ name: f.name, href: `/servicecenter/arenden/${caseId}/bilagor/${f.id}` })),
    }
  })
}
