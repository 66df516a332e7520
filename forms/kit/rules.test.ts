import { describe, expect, it } from 'vitest'
import { defineForm, fieldErrors, pageSchema, summarise, type FormDefinition, type ValidationContext } from './index.ts'

const L = (sv: string, en = sv) => ({ sv, en })
const form = defineForm({
  id: 'regler', version: 1, caseNumberPrefix: 'REG', identification: 'bankid', sign: true, handlingDays: 5, afterReceipt: { sv: 'Svar inom {days} dagar.', en: 'An answer within {days} days.' },
  title: L('Regler'), description: L(''), routing: { team: 't' },
  pages: [
    {
      id: 'medlemmar', title: L('Medlemmar'),
      fields: [
        { id: 'total', kind: 'number', integer: true, min: 1, label: L('Antal medlemmar') },
        { id: 'young', kind: 'number', integer: true, min: 0, label: L('Varav 7–20 år') },
        { id: 'women', kind: 'number', integer: true, min: 0, optional: true, label: L('Varav kvinnor') },
        { id: 'men', kind: 'number', integer: true, min: 0, optional: true, label: L('Varav män') },
        { id: 'fee', kind: 'money', min: 50, max: 10000, label: L('Medlemsavgift') },
      ],
      rules: [
        { kind: 'sumAtMost', fields: ['young'], max: 'total', target: 'young', message: L('Fler 7–20-åringar än medlemmar ({max})') },
        { kind: 'sumAtMost', fields: ['women', 'men'], max: 'total', target: 'women', message: L('Kvinnor och män är fler än {max}') },
      ],
    },
    {
      id: 'sokande', title: L('Sökande'),
      fields: [
        { id: 'who', kind: 'choice', label: L('Vem'), options: [{ value: 'self', label: L('Jag') }, { value: 'other', label: L('Annan') }] },
        { id: 'pnr', kind: 'personnummer', label: L('Personnummer', 'Personal identity number') },
        { id: 'org', kind: 'orgnr', entityTypes: ['7', '8'], optional: true, label: L('Organisationsnummer'),
          errors: { wrongType: L('Organisationsnumret ska tillhöra en förening') } },
        { id: 'giro', kind: 'giro', optional: true, label: L('Bankgiro eller plusgiro') },
        { id: 'flat', kind: 'text', optional: true, pattern: '\\d{4}', inputMode: 'numeric', label: L('Lägenhetsnummer'),
          errors: { pattern: L('Lägenhetsnumret har fyra siffror, till exempel 1102') } },
      ],
      rules: [
        { kind: 'matchesIdentity', field: 'pnr', expect: 'same', when: { field: 'who', equals: 'self' }, target: 'pnr', message: L('Ditt eget personnummer') },
        { kind: 'matchesIdentity', field: 'pnr', expect: 'different', when: { field: 'who', equals: 'other' }, target: 'pnr', message: L('Inte ditt eget') },
      ],
    },
    {
      id: 'bilagor', title: L('Bilagor'),
      fields: [
        { id: 'photo', kind: 'file', accept: ['image/jpeg'], maxSizeMb: 10, maxFiles: 1, laterField: 'photoLater', label: L('Foto'),
          purpose: L('Till kortet') },
        { id: 'photoLater', kind: 'checkbox', optional: true, label: L('Jag lämnar fotot senare') },
      ],
    },
  ],
} satisfies FormDefinition)

const ctx: ValidationContext = { locale: 'sv', today: '2026-11-22', identity: { personalNumber: '194001019803', name: 'Greta' } }
const errors = (pageId: string, raw: Record<string, unknown>, c = ctx) => {
  const r = pageSchema(form, pageId, c).safeParse(raw)
  return r.success ? {} : fieldErrors(r.error)
}

describe('sumAtMost', () => {
  it('keeps each sub-count at most the total', () => {
    expect(errors('medlemmar', { total: '10', young: '11', fee: '100' })).toEqual({ young: 'Fler 7–20-åringar än medlemmar (10)' })
    expect(errors('medlemmar', { total: '10', young: '10', fee: '100' })).toEqual({})
  })
  it('adds up several fields, counting blank optional ones as nothing', () => {
    expect(errors('medlemmar', { total: '10', young: '1', women: '6', men: '5', fee: '100' })).toEqual({ women: 'Kvinnor och män är fler än 10' })
    expect(errors('medlemmar', { total: '10', young: '1', women: '6', fee: '100' })).toEqual({})
  })
  it('stays quiet while a field it needs is itself wrong', () => {
    expect(errors('medlemmar', { total: 'tio', young: '11', fee: '100' })).toEqual({ total: 'Svaret är inte ett tal. Skriv bara siffror, till exempel 12' })
  })
})

describe('money', () => {
  it('reads kronor and checks the bounds in kronor', () => {
    expect(pageSchema(form, 'medlemmar', ctx).parse({ total: '3', young: '1', fee: '1 200,50 kr' }).fee).toBe(1200.5)
    expect(errors('medlemmar', { total: '3', young: '1', fee: '20' })).toEqual({ fee: 'Beloppet är för litet. Skriv minst 50 kr' })
    expect(errors('medlemmar', { total: '3', young: '1', fee: '20 000' })).toEqual({ fee: 'Beloppet är för stort. Skriv högst 10\u00a0000 kr' })
    expect(errors('medlemmar', { total: '3', young: '1', fee: 'gratis' }).fee).toMatch(/beloppet i kronor/)
  })
})

describe('matchesIdentity', () => {
  it('wants the logged-in person’s own number when applying for oneself', () => {
    expect(errors('sokande', { who: 'self', pnr: '19400101-9803' })).toEqual({})
    expect(errors('sokande', { who: 'self', pnr: '196201019806' })).toEqual({ pnr: 'Ditt eget personnummer' })
  })
  it('wants someone else’s number when applying as an ombud', () => {
    expect(errors('sokande', { who: 'other', pnr: '400101-9803' })).toEqual({ pnr: 'Inte ditt eget' })
    expect(errors('sokande', { who: 'other', pnr: '196201019806' })).toEqual({})
  })
  it('is left to the route when no one is logged in', () => {
    expect(errors('sokande', { who: 'self', pnr: '196201019806' }, { locale: 'sv', today: '2026-11-22' })).toEqual({})
  })
})

describe('identifier kinds on a page', () => {
  it('stores personnummer as 12 digits and explains a bad one', () => {
    expect(pageSchema(form, 'sokande', ctx).parse({ who: 'self', pnr: '400101-9803' }).pnr).toBe('194001019803')
    expect(errors('sokande', { who: 'other', pnr: '1234' }).pnr).toBe('Skriv personnumret med 10 eller 12 siffror, till exempel 19121212-1212')
    expect(errors('sokande', { who: 'other', pnr: '201701012394' }).pnr).toBe('Det finns inget sådant personnummer. Kontrollera siffrorna')
    expect(errors('sokande', { who: 'other', pnr: '701063-2391' }).pnr).toMatch(/Samordningsnummer går inte/)
    expect(errors('sokande', { who: 'other', pnr: '1234' }, { ...ctx, locale: 'en' }).pnr).toMatch(/^Enter the personal identity number with 10 or 12 digits/)
  })
  it('checks the organisation type of an organisationsnummer', () => {
    const base = { who: 'other', pnr: '196201019806' }
    expect(pageSchema(form, 'sokande', ctx).parse({ ...base, org: '802005 1952' }).org).toBe('802005-1952')
    expect(errors('sokande', { ...base, org: '556036-0793' })).toEqual({ org: 'Organisationsnumret ska tillhöra en förening' })
    expect(errors('sokande', { ...base, org: '556036-0794' }).org).toMatch(/^Organisationsnumret stämmer inte/)
    expect(errors('sokande', { ...base, org: '19400101-9803' }).org).toBe('Det här är ett personnummer. Skriv organisationsnumret i stället')
  })
  it('takes a giro type and number, each checked at its own input', () => {
    const base = { who: 'other', pnr: '196201019806' }
    expect(pageSchema(form, 'sokande', ctx).parse({ ...base, giro: { type: 'bankgiro', number: '5050-1055' } }).giro).toEqual({ type: 'bankgiro', number: '50501055' })
    expect(errors('sokande', { ...base, giro: { type: '', number: '5050-1055' } })).toEqual({ 'giro.type': 'Välj om kontot är ett bankgiro eller ett plusgiro' })
    expect(errors('sokande', { ...base, giro: { type: 'plusgiro', number: '' } })).toEqual({ 'giro.number': 'Numret saknas. Fyll i numret' })
    expect(errors('sokande', { ...base, giro: { type: 'bankgiro', number: '5050-1056' } })['giro.number']).toMatch(/^Bankgironumret stämmer inte/)
    expect(errors('sokande', { ...base, giro: { type: 'plusgiro', number: '28 65 43-5' } })['giro.number']).toMatch(/^Plusgironumret stämmer inte/)
    const rows = summarise(form, { giro: { type: 'plusgiro', number: '2865434' }, pnr: '194001019803' }, 'sv').flatMap((s) => s.rows)
    expect(rows.find((r) => r.fieldId === 'giro')?.value).toBe('Plusgiro 28 65 43-4')
    expect(rows.find((r) => r.fieldId === 'pnr')?.value).toBe('19400101-9803')
  })
  it('checks a text pattern with the definition’s own message', () => {
    const base = { who: 'other', pnr: '196201019806' }
    expect(errors('sokande', { ...base, flat: '110' })).toEqual({ flat: 'Lägenhetsnumret har fyra siffror, till exempel 1102' })
    expect(errors('sokande', { ...base, flat: '1102' })).toEqual({})
  })
})

describe('attachment slots that may be handed in later', () => {
  const ref = { id: 'a1', name: 'foto.jpg', mime: 'image/jpeg', size: 1000 }
  it('require the file unless "later" is ticked', () => {
    expect(errors('bilagor', {})).toEqual({ photo: 'Ingen fil är bifogad. Välj en fil att bifoga' })
    expect(errors('bilagor', { photoLater: 'on' })).toEqual({})
    expect(errors('bilagor', { photo: [ref] })).toEqual({})
  })
  it('say "to be handed in later" on the receipt', () => {
    const rows = summarise(form, { photoLater: true }, 'sv').flatMap((s) => s.rows)
    expect(rows.find((r) => r.fieldId === 'photo')?.value).toBe('Lämnas in senare')
  })
})
