import { describe, expect, it } from 'vitest'
import { citizenTimeline, type TimelineEvent } from './citizen-timeline.ts'

let seq = 0
const ev = (type: string, data: Record<string, unknown> = {}): TimelineEvent => ({ seq: ++seq, type, at: new Date(Date.UTC(2026, 10, 1, 9, seq)), data })

describe('a case as the citizen sees it', () => {
  it('is Mottagen right after receipt', () => {
    expect(citizenTimeline([ev('received', { channel: 'web' })])).toMatchObject({ stage: 'received', history: [{ kind: 'received' }], messages: [], openRequest: null })
  })

  it('moves through handling, waiting for the citizen, decision and closing; internal events stay hidden', () => {
    const events = [
      ev('received'),
      ev('claimed', { assignee: { id: 'x', name: 'Anna' } }),
      ev('note', { text: 'intern anteckning som aldrig visas' }),
      ev('flagged', { flag: 'age', reason: 'under 65' }),
      ev('supplement_requested', { items: [{ id: 'intyg', label: 'Läkarintyg' }], message: 'Skicka intyget.', dueDate: '2026-12-01' }),
    ]
    const waiting = citizenTimeline(events)
    expect(waiting.stage).toBe('waiting')
    expect(waiting.openRequest).toMatchObject({ text: 'Skicka intyget.', items: ['Läkarintyg'], dueDate: '2026-12-01' })
    expect(JSON.stringify(waiting)).not.toContain('intern anteckning')
    expect(JSON.stringify(waiting)).not.toContain('under 65')

    const done = citizenTimeline([
      ...events,
      ev('supplement_received', { requestSeq: 5, text: 'Här är intyget.', attachments: [] }),
      ev('message', { direction: 'out', text: 'Tack, vi tittar på det.' }),
      ev('decided', { decision: 'approved', reasons: 'Du uppfyller villkoren.', appealable: true }),
      ev('closed', { outcome: 'handled', comment: 'intern kommentar' }),
    ])
    expect(done.stage).toBe('closed')
    expect(done.openRequest).toBeNull()
    expect(done.history.map((h) => h.kind)).toEqual(['received', 'handling', 'supplementRequested', 'supplementReceived', 'decided', 'closed'])
    expect(done.messages.map((m) => m.kind === 'message' ? `${m.from}: ${m.text}` : m.kind)).toEqual([
      'supplementRequest', 'you: Här är intyget.', 'servicecenter: Tack, vi tittar på det.', 'decision',
    ])
    expect(done.messages.at(-1)).toMatchObject({ kind: 'decision', decision: 'approved', text: 'Du uppfyller villkoren.' })
    expect(JSON.stringify(done)).not.toContain('intern kommentar')
  })

  it('treats an event type it does not know as "being handled" after receipt, and otherwise ignores it', () => {
    expect(citizenTimeline([ev('received'), ev('something_new')]).stage).toBe('handling')
    expect(citizenTimeline([ev('received'), ev('decided', { decision: 'denied' }), ev('something_new')]).stage).toBe('decided')
  })

  it('reopens a closed case', () => {
    const t = citizenTimeline([ev('received'), ev('closed', { outcome: 'answered' }), ev('reopened', { reason: 'x' })])
    expect(t.stage).toBe('handling')
    expect(t.history.at(-1)?.kind).toBe('reopened')
  })

  it('orders by sequence, whatever order the events come in', () => {
    const a = ev('received')
    const b = ev('closed')
    expect(citizenTimeline([b, a]).stage).toBe('closed')
  })
})
