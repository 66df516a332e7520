import { describe, expect, it } from 'vitest'
import { checkSubmission, fieldErrors, pageSchema, summarise } from '../kit/index.ts'
import { felanmalan } from './index.ts'

const ctx = { locale: 'sv' as const, today: '2026-11-22', bounds: { minLat: 59.17, maxLat: 59.31, minLon: 18.2, maxLon: 18.45 } }
const errors = (page: string, raw: Record<string, unknown>, answers = {}) => {
  const r = pageSchema(felanmalan, page, ctx, { answers }).safeParse(raw)
  return r.success ? {} : fieldErrors(r.error)
}

const complete = {
  category: 'gatubelysning', address: { street: 'Bollmora allé 1', postcode: '135 81', city: 'Tyresö' },
  description: 'Lampan vid lekplatsen är trasig sedan en vecka.',
}

describe('felanmälan', () => {
  it('requires a category from the list', () => {
    expect(errors('kategori', {})).toEqual({ category: 'Välj vad felet gäller' })
    expect(errors('kategori', { category: 'vatten-avlopp' })).toEqual({})
  })
  it('takes the place as an address, a description or a point on the map inside the municipality, any one of them', () => {
    const missing = { address: 'Skriv adressen eller beskriv platsen där felet finns' }
    expect(errors('plats', {})).toEqual(missing)
    expect(errors('plats', { address: { street: '', postcode: '', city: '' }, placeDetails: ' ', point: { lat: '', lon: '' } })).toEqual(missing)
    expect(errors('plats', { address: { street: 'Bollmora allé 2', postcode: '135 40', city: 'Tyresö' } })).toEqual({})
    expect(errors('plats', { placeDetails: 'Vid busshållplatsen Tyresö centrum' })).toEqual({})
    expect(errors('plats', { point: { lat: '59.24', lon: '18.29' } })).toEqual({})
    expect(errors('plats', { point: { lat: '55.6', lon: '13.0' } })).toEqual({
      'point.lat': 'Platsen på kartan ligger utanför kommunen. Tryck på en plats inom kommunen',
    })
    // A started address is still checked as an address.
    expect(errors('plats', { address: { street: 'Bollmora allé 2', postcode: '', city: 'Tyresö' } })).toEqual({ 'address.postcode': 'Fyll i postnummer' })
  })
  it('is answered on a map only as an addition: the point is optional, and the address never offers the home address', () => {
    const place = felanmalan.pages.find((p) => p.id === 'plats')!.fields
    expect(place.find((f) => f.id === 'point')).toMatchObject({ kind: 'mappoint', input: 'map', optional: true })
    expect(place.find((f) => f.id === 'address')).toMatchObject({ autocomplete: 'off' })
  })
  it('wants a description of 10–2000 characters', () => {
    expect(errors('beskrivning', { description: 'Trasig' })).toEqual({ description: 'Beskrivningen är för kort. Beskriv felet med minst 10 tecken' })
    expect(errors('beskrivning', { description: 'x'.repeat(2001) })).toEqual({ description: 'Beskrivningen är för lång. Skriv högst 2000 tecken' })
    expect(errors('beskrivning', { description: 'Lampan är trasig' })).toEqual({})
  })
  it('allows anonymous reports but needs a way to reach the reporter who wants feedback', () => {
    expect(errors('kontakt', {})).toEqual({})
    expect(errors('kontakt', { wantsFeedback: 'on', name: 'Anna' })).toEqual({ email: 'Fyll i e-post eller telefon så att vi kan ge dig återkoppling' })
    expect(errors('kontakt', { wantsFeedback: 'on', phone: '070-123 45 67' })).toEqual({})
  })
  it('never asks for a personnummer', () => {
    const labels = felanmalan.pages.flatMap((p) => p.fields.map((f) => f.label.sv.toLowerCase()))
    expect(labels.some((l) => l.includes('personnummer'))).toBe(false)
  })
  it('is complete with category, place and description, and summarises it', () => {
    expect(checkSubmission(felanmalan, complete, ctx).complete).toBe(true)
    expect(checkSubmission(felanmalan, { ...complete, description: '' }, ctx).firstIncomplete).toBe('beskrivning')
    const rows = summarise(felanmalan, complete, 'sv').flatMap((s) => s.rows)
    expect(rows.find((r) => r.fieldId === 'address')?.value).toBe('Bollmora allé 1, 135 81 Tyresö')
    expect(rows.find((r) => r.fieldId === 'point')?.value).toBe('Inte angivet')
  })
})
