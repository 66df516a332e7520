import { describe, expect, it } from 'vitest'
import { felanmalan } from '#forms/felanmalan/index.ts'
import { checklist } from './checklist.ts'
import { parseCommand, type CommandContext, type Intent } from './commands.ts'

const ctx = (over: Partial<CommandContext> = {}): CommandContext => ({
  definition: { ...felanmalan, decision: { byServicecenter: true, appealable: true } },
  checklist: checklist(felanmalan, { category: 'klotter' }, { pages: [] }, { checks: {} }),
  today: '2026-11-22', departments: ['samhallsbyggnad'], teams: ['teknik'], staff: [{ id: 's1', name: 'Bo' }],
  me: { id: 'me', name: 'Anna' }, letter: {} as never, reach: { email: false, postal: true }, ...over,
})
const post = (fields: Record<string, string | string[]>) => {
  const f = new FormData()
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x)
  return f
}
const parse = (intent: Intent, fields: Record<string, string | string[]> = {}) => parseCommand(intent, post(fields), ctx())

describe('turning staff posts into events', () => {
  it('asks for a supplement with items from the checklist, a message and a due date after today', () => {
    expect(parse('supplement', { items: ['file:photos', 'nonsense'], message: ' Skicka en bild ', dueDate: '2026-12-01' })).toEqual({
      event: { type: 'supplement_requested', data: { items: [{ id: 'file:photos', label: 'Bilaga: Foton' }], message: 'Skicka en bild', dueDate: '2026-12-01' } },
    })
    expect(parse('supplement', { message: '', dueDate: '2026-11-22' })).toEqual({
      errors: {
        items: 'Välj vad som saknas eller beskriv det i meddelandet',
        message: 'Skriv vad medborgaren ska komplettera med',
        dueDate: 'Sista dag för kompletteringen måste vara efter i dag',
      },
    })
    expect(parse('supplement', { message: 'x', dueDate: '1 december' })).toMatchObject({ errors: { dueDate: /ÅÅÅÅ-MM-DD/ } })
  })

  it('sends a supplement request or decision as a letter only where no e-mail reaches the citizen and an address is known', () => {
    const fields = { message: 'Skicka en bild', dueDate: '2026-12-01', delivery: 'letter' }
    expect(parse('supplement', fields)).toMatchObject({ event: { data: { delivery: 'letter' } } })
    expect(parse('decide', { decision: 'approved', reasons: 'Uppfyller villkoren.', delivery: 'letter' })).toMatchObject({ event: { data: { delivery: 'letter' } } })
    const noAddress = parseCommand('supplement', post(fields), ctx({ reach: { email: false, postal: false } }))
    expect(noAddress).toEqual({ errors: { delivery: 'Det finns ingen postadress i ärendet, så det går inte att skicka brev' } })
    const byEmail = parseCommand('decide', post({ decision: 'approved', reasons: 'x', delivery: 'letter' }), ctx({ reach: { email: true, postal: true } }))
    expect(byEmail).toMatchObject({ errors: { delivery: /e-post/ } })
    // Not asked for: no delivery in the event, as before.
    expect(parse('supplement', { message: 'x', dueDate: '2026-12-01' })).toMatchObject({ event: { data: { message: 'x' } } })
    expect(JSON.stringify(parse('supplement', { message: 'x', dueDate: '2026-12-01' }))).not.toContain('delivery')
  })

  it('forwards only to a configured department, with a note', () => {
    expect(parse('forward', { department: 'samhallsbyggnad', forwardNote: 'Till er' })).toMatchObject({ event: { type: 'forwarded' } })
    expect(parse('forward', { department: 'okand', forwardNote: '' })).toEqual({
      errors: { department: 'Välj vilken förvaltning ärendet ska till', forwardNote: 'Skriv vad förvaltningen behöver veta' },
    })
  })

  it('decides with reasons (FL 32 §) and takes appealability from the definition', () => {
    expect(parse('decide', { decision: 'denied', reasons: 'Saknar intyg' })).toMatchObject({
      event: { type: 'decided', data: { decision: 'denied', reasons: 'Saknar intyg', appealable: true } },
    })
    expect(parse('decide', { decision: 'maybe' })).toEqual({
      errors: { decision: 'Välj om ansökan beviljas eller avslås', reasons: 'Skriv skälen för beslutet' },
    })
  })

  it('closes with one of the outcomes, reassigns only to listed staff, ticks only declared checks', () => {
    expect(parse('close', { outcome: 'referred' })).toEqual({ event: { type: 'closed', data: { outcome: 'referred' } } })
    expect(parse('close', { outcome: 'department' })).toMatchObject({ errors: { outcome: 'Välj hur ärendet avslutas' } })
    expect(parse('reassign', { assignee: 's1', team: 'teknik' })).toEqual({ event: { type: 'reassigned', data: { assignee: { id: 's1', name: 'Bo' }, team: 'teknik' } } })
    expect(parse('reassign', { assignee: 'x' })).toMatchObject({ errors: { assignee: 'Välj en handläggare i listan' } })
    expect(parse('check', { item: 'ansvar', ok: 'nej' })).toMatchObject({ event: { type: 'checked', data: { item: 'ansvar', ok: false } } })
    expect(parse('check', { item: 'hittepa', ok: 'ja' })).toMatchObject({ errors: { item: 'Okänd kontrollpunkt' } })
    expect(parse('check', { item: 'ansvar', ok: 'kanske' })).toMatchObject({ errors: { ok: 'Välj klar, saknas eller ej aktuellt' } })
  })

  it('marks a check "Ej aktuellt" with an optional comment, which is not missing; other marks take no comment', () => {
    expect(parse('check', { item: 'ansvar', ok: 'ej-aktuellt', comment: ' Privat väg, inte kommunens. ' })).toEqual({
      event: { type: 'checked', data: { item: 'ansvar', label: felanmalan.checks[0]!.label.sv, ok: true, notApplicable: true, comment: 'Privat väg, inte kommunens.' } },
    })
    expect(parse('check', { item: 'ansvar', ok: 'ej-aktuellt', comment: '' })).toEqual({
      event: { type: 'checked', data: { item: 'ansvar', label: felanmalan.checks[0]!.label.sv, ok: true, notApplicable: true } },
    })
    expect(parse('check', { item: 'ansvar', ok: 'ja', comment: 'ignoreras' })).toEqual({
      event: { type: 'checked', data: { item: 'ansvar', label: felanmalan.checks[0]!.label.sv, ok: true } },
    })
    expect(parse('check', { item: 'ansvar', ok: 'ej-aktuellt', comment: 'x'.repeat(501) })).toEqual({ errors: { comment: 'Kommentaren får ha högst 500 tecken' } })
  })

  it('refuses texts longer than the limit, and blank notes', () => {
    expect(parse('note', { note: '   ' })).toEqual({ errors: { note: 'Skriv anteckningen' } })
    expect(parse('note', { note: 'x'.repeat(4001) })).toEqual({ errors: { note: 'Texten får ha högst 4000 tecken' } })
  })
})

describe('the completeness checklist', () => {
  it('lists the pages that applied, each attachment slot, and the manual checks with how they were marked', () => {
    const items = checklist(felanmalan, { category: 'klotter', photos: [{ id: 'a', name: 'a.jpg', mime: 'image/jpeg', size: 1 }] },
      { pages: [{ pageId: 'kategori', ok: true }] }, { checks: { ansvar: { ok: false, label: 'x', by: 'Anna', at: new Date() } } })
    expect(items.map((i) => [i.id, i.ok])).toEqual([
      ['page:kategori', true], ['page:plats', null], ['page:beskrivning', null], ['file:photos', true], ['page:kontakt', null], ['check:ansvar', false],
    ])
    expect(items.find((i) => i.id === 'check:ansvar')?.detail).toBe('Saknas enligt Anna')
  })

  it('words each automatic finding as a sentence true of the case, and names the item for a supplement request', () => {
    const items = checklist(felanmalan, { category: 'klotter', placeType: 'address', photos: [{ id: 'a', name: 'a.jpg', mime: 'image/jpeg', size: 1 }, { id: 'b', name: 'b.jpg', mime: 'image/jpeg', size: 1 }] },
      { pages: [{ pageId: 'kategori', ok: true }, { pageId: 'plats', ok: false }] }, { checks: {} })
    const byId = Object.fromEntries(items.map((i) => [i.id, i]))
    expect(byId['page:kategori']).toMatchObject({ label: 'Sidan ”Vad gäller felet?” är ifylld', name: 'Vad gäller felet?' })
    expect(byId['page:plats']!.label).toBe('Sidan ”Var är felet?” var inte komplett när ärendet kom in')
    expect(byId['file:photos']).toMatchObject({ label: '2 filer bifogade som ”Foton”', name: 'Bilaga: Foton', ok: true })
    const none = checklist(felanmalan, { category: 'klotter', placeType: 'address' }, { pages: [] }, { checks: {} })
    expect(none.find((i) => i.id === 'file:photos')!.label).toBe('Ingen fil bifogad som ”Foton”, vilket är frivilligt')
  })

  it('shows a check marked "Ej aktuellt" with who marked it and why', () => {
    const items = checklist(felanmalan, { category: 'klotter', placeType: 'address' }, { pages: [] },
      { checks: { ansvar: { ok: true, notApplicable: true, comment: 'Privat väg', label: 'x', by: 'Anna', at: new Date() } } })
    expect(items.find((i) => i.id === 'check:ansvar')).toMatchObject({ ok: true, notApplicable: true, status: 'Ej aktuellt', detail: 'Ej aktuellt enligt Anna: Privat väg' })
  })
})
