import { describe, expect, it } from 'vitest'
import { checkSubmission, defineForm, fieldErrors, groupRows, pageSchema, summarise, valuesFromFormData, type FormDefinition, type GroupField } from './index.ts'

const ctx = { locale: 'sv' as const, today: '2026-11-22' }
const L = (sv: string, en = sv) => ({ sv, en })

const form = defineForm({
  id: 'grupper', version: 1, caseNumberPrefix: 'GRP', identification: 'none', sign: false, handlingDays: 5, afterReceipt: { sv: 'Svar inom {days} dagar.', en: 'An answer within {days} days.' },
  title: L('Grupper'), description: L(''), routing: { team: 't' },
  pages: [
    {
      id: 'kontakter', title: L('Kontakter'),
      fields: [{
        id: 'contacts', kind: 'group', min: 1, max: 3, label: L('Kontaktpersoner', 'Contacts'),
        itemLabel: L('Kontaktperson {n}', 'Contact {n}'),
        errors: { required: L('Ange minst en kontaktperson', 'Enter at least one contact') },
        fields: [
          { id: 'name', kind: 'text', maxLength: 100, label: L('Namn', 'Name') },
          { id: 'phone', kind: 'phone', label: L('Telefon', 'Phone') },
          { id: 'hasKey', kind: 'checkbox', optional: true, label: L('Har nyckel', 'Has a key') },
          { id: 'code', kind: 'text', optional: true, sensitive: 'code', label: L('Kod', 'Code') },
        ],
      }],
    },
    {
      id: 'pass', title: L('Pass'),
      fields: [{
        id: 'sessions', kind: 'group', min: 1, max: 40, label: L('Sammankomster'), itemLabel: L('Sammankomst {n}'),
        addLabel: L('Lägg till fler sammankomster'),
        tally: { field: 'participants', cap: 30, label: L('Räknade deltagare'), totalLabel: L('Deltagartillfällen') },
        fields: [
          { id: 'date', kind: 'date', maxDaysFromToday: 0, label: L('Datum') },
          { id: 'participants', kind: 'number', integer: true, min: 3, label: L('Deltagare') },
        ],
      }],
    },
  ],
} satisfies FormDefinition)

const errors = (pageId: string, raw: Record<string, unknown>) => {
  const r = pageSchema(form, pageId, ctx).safeParse(raw)
  return r.success ? {} : fieldErrors(r.error)
}

describe('group fields', () => {
  it('requires at least one item, ignoring blank rows', () => {
    expect(errors('kontakter', {})).toEqual({ contacts: 'Ange minst en kontaktperson' })
    expect(errors('kontakter', { contacts: [{}, { name: ' ', hasKey: false }, {}] })).toEqual({ contacts: 'Ange minst en kontaktperson' })
  })
  it('validates each item by its sub-fields, naming the item in the message, at the posted index', () => {
    expect(errors('kontakter', { contacts: [{ name: 'Anna', phone: '070-123 45 67' }, {}, { name: 'Bo' }] })).toEqual({
      'contacts.2.phone': 'Kontaktperson 3: Telefonnumret saknas. Fyll i ett telefonnummer',
    })
    expect(errors('kontakter', { contacts: [{ name: 'Anna', phone: '12' }] })).toEqual({
      'contacts.0.phone': 'Kontaktperson 1: Skriv ett telefonnummer som går att ringa, till exempel 070-123 45 67',
    })
  })
  it('stores the valid items without blank rows, normalised by their kinds, and re-validates them', () => {
    const clean = pageSchema(form, 'kontakter', ctx).parse({ contacts: [{}, { name: 'Anna', phone: '070-123 45 67', hasKey: 'on' }] })
    expect(clean).toEqual({ contacts: [{ name: 'Anna', phone: '+46701234567', hasKey: true }] })
    expect(pageSchema(form, 'kontakter', ctx).parse(clean)).toEqual(clean)
  })
  it('refuses more items than max, and fewer than min', () => {
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `P${i}`, phone: '070-123 45 67' }))
    expect(errors('kontakter', { contacts: four })).toEqual({ contacts: 'Det är för många. Du kan fylla i högst 3' })
    const two = defineForm({ ...form, pages: [{ ...form.pages[0]!, fields: [{ ...form.pages[0]!.fields[0]!, min: 2 }] }] } as FormDefinition)
    const r = pageSchema(two, 'kontakter', ctx).safeParse({ contacts: [{ name: 'A', phone: '070-123 45 67' }] })
    expect(r.success ? {} : fieldErrors(r.error)).toEqual({ contacts: 'Det är för få. Fyll i minst 2' })
  })
  it('checks every row of a large group and caps the tally per row', () => {
    expect(errors('pass', { sessions: [{ date: '2026-11-01', participants: '2' }, { date: '2027-01-01', participants: '5' }] })).toEqual({
      'sessions.0.participants': 'Sammankomst 1: Talet är för litet. Skriv 3 eller mer',
      'sessions.1.date': 'Sammankomst 2: Datumet är för sent. Välj 22 november 2026 eller tidigare',
    })
    const answers = pageSchema(form, 'pass', ctx).parse({ sessions: [{ date: '2026-11-01', participants: '45' }, { date: '2026-11-08', participants: '12' }] })
    const rows = summarise(form, answers, 'sv').find((s) => s.pageId === 'pass')!.rows
    expect(rows.map((r) => [r.fieldId, r.label, r.value])).toEqual([
      ['sessions.0', 'Sammankomst 1', 'Datum: 1 november 2026\nDeltagare: 45\nRäknade deltagare: 30'],
      ['sessions.1', 'Sammankomst 2', 'Datum: 8 november 2026\nDeltagare: 12\nRäknade deltagare: 12'],
      ['sessions.total', 'Deltagartillfällen', '42'],
    ])
  })
  it('summarises one row per item, redacting sensitive answers on request, and says so when there are none', () => {
    const answers = { contacts: [{ name: 'Anna', phone: '+46701234567', hasKey: true, code: '1234' }] }
    const row = (redact?: ('code' | 'health')[]) => summarise(form, answers, 'en', { redact }).flatMap((s) => s.rows).find((r) => r.fieldId === 'contacts.0')
    expect(row()).toMatchObject({ label: 'Contact 1', value: 'Name: Anna\nPhone: 070-123 45 67\nHas a key: Yes\nCode: 1234' })
    expect(row(['code'])?.value).toContain('Code: Protected – shown only to authorised staff')
    expect(summarise(form, {}, 'sv').flatMap((s) => s.rows).find((r) => r.fieldId === 'contacts')?.value).toBe('Inte angivet')
  })
  it('reads rows from a form post by index and ignores rows beyond max', () => {
    const fd = new FormData()
    fd.set('contacts.0.name', 'Anna'); fd.set('contacts.0.phone', '070-123 45 67'); fd.set('contacts.0.hasKey', 'on')
    fd.set('contacts.2.name', 'Bo'); fd.set('contacts.7.name', 'Långt bort')
    expect(valuesFromFormData(form.pages[0]!, fd)).toEqual({
      contacts: [
        { name: 'Anna', phone: '070-123 45 67', hasKey: 'on', code: undefined },
        { name: undefined, phone: undefined, hasKey: undefined, code: undefined },
        { name: 'Bo', phone: undefined, hasKey: undefined, code: undefined },
      ],
    })
  })
  it('renders all rows of a small group, and filled rows plus spares of a large one', () => {
    const contacts = form.pages[0]!.fields[0] as GroupField
    const sessions = form.pages[1]!.fields[0] as GroupField
    expect(groupRows(contacts, undefined)).toBe(3)
    expect(groupRows(sessions, undefined)).toBe(2)
    expect(groupRows(sessions, [{ date: '2026-01-01' }, {}, { participants: 4 }, {}])).toBe(5)
  })
  it('counts in checkSubmission like any field', () => {
    const complete = { contacts: [{ name: 'A', phone: '+46701234567' }], sessions: [{ date: '2026-11-01', participants: 3 }] }
    expect(checkSubmission(form, complete, ctx).complete).toBe(true)
    expect(checkSubmission(form, { ...complete, sessions: [] }, ctx).firstIncomplete).toBe('pass')
  })
})
