import { describe, expect, it } from 'vitest'
import { checkSubmission, defineForm, fingerprints, journey, reopenAnswers, type FormDefinition, type PageDef } from './index.ts'

const ctx = { locale: 'sv' as const, today: '2026-11-29' }
const text = (sv: string) => ({ sv, en: sv })

const pages = (extra: { kindOptions?: string[]; nameMax?: number; newRequired?: boolean; dropNote?: boolean } = {}): PageDef[] => [
  {
    id: 'first', title: text('Första'),
    fields: [
      { id: 'name', kind: 'text', label: text('Namn'), maxLength: extra.nameMax ?? 100 },
      { id: 'kind', kind: 'choice', label: text('Typ'), options: (extra.kindOptions ?? ['a', 'b']).map((v) => ({ value: v, label: text(v) })) },
    ],
  },
  {
    id: 'second', title: text('Andra'),
    fields: [
      ...(extra.dropNote ? [] : [{ id: 'note', kind: 'textarea' as const, label: text('Anteckning'), optional: true }]),
      ...(extra.newRequired ? [{ id: 'phone', kind: 'phone' as const, label: text('Telefon') }] : []),
    ],
  },
  { id: 'third', title: text('Tredje'), fields: [{ id: 'agree', kind: 'checkbox', label: text('Jag intygar') }] },
]

const form = (version: number, p: PageDef[]) => defineForm({
  id: 'prov', version, caseNumberPrefix: 'PRV', identification: 'none', sign: false, handlingDays: 5, afterReceipt: { sv: 'Svar inom {days} dagar.', en: 'An answer within {days} days.' },
  title: text('Prov'), description: text(''), routing: { team: 't' }, pages: p,
} satisfies FormDefinition)

const v1 = form(1, pages())
const answers = { name: 'Åsa', kind: 'b', note: 'Hej', agree: true }

describe('reopening a draft on a newer form version', () => {
  it('keeps every answer when nothing about the fields changed, even if texts did', () => {
    const reworded = form(2, pages().map((p) => ({ ...p, title: text(`${p.id} ny`), fields: p.fields.map((f) => ({ ...f, label: text('Ny text'), hint: text('Ny hjälptext') })) })))
    expect(fingerprints(reworded)).toEqual(fingerprints(v1))
    expect(reopenAnswers(reworded, answers, fingerprints(v1), 1)).toEqual({ answers, dropped: [], changedPage: null })
  })

  it('drops the answer to a choice whose options changed and sends the citizen to its page', () => {
    const v2 = form(2, pages({ kindOptions: ['a', 'c'] }))
    const r = reopenAnswers(v2, answers, fingerprints(v1), 1)
    expect(r.dropped).toEqual(['kind'])
    expect(r.answers).toEqual({ name: 'Åsa', note: 'Hej', agree: true })
    expect(r.changedPage).toBe('first')
    expect(journey(v2, r.answers, ctx).firstIncomplete).toBe('first')
  })

  it('counts a changed rule as a change (a shorter maximum length)', () => {
    const r = reopenAnswers(form(2, pages({ nameMax: 3 })), answers, fingerprints(v1), 1)
    expect(r.dropped).toEqual(['name'])
    expect(r.changedPage).toBe('first')
  })

  it('lets the answer to a removed field go without asking anything again', () => {
    const r = reopenAnswers(form(2, pages({ dropNote: true })), answers, fingerprints(v1), 1)
    expect(r).toEqual({ answers: { name: 'Åsa', kind: 'b', agree: true }, dropped: ['note'], changedPage: null })
  })

  it('asks a new required question on its page, before the later answered pages', () => {
    const v2 = form(2, pages({ newRequired: true }))
    const r = reopenAnswers(v2, answers, fingerprints(v1), 1)
    expect(r.dropped).toEqual([])
    expect(r.answers).toEqual(answers)
    expect(r.changedPage).toBe('second')
    expect(checkSubmission(v2, r.answers, ctx).firstIncomplete).toBe('second')
  })

  it('trusts a draft saved before fingerprints on its own version, and empties it on another', () => {
    expect(reopenAnswers(v1, answers, null, 1).dropped).toEqual([])
    const r = reopenAnswers(form(2, pages()), answers, null, 1)
    expect(r.answers).toEqual({})
    expect(r.changedPage).toBe('first')
  })
})
