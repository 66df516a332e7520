import { describe, expect, it } from 'vitest'
import { fillTemplate, unknownPlaceholders } from './placeholders.ts'

describe('standard reply placeholders', () => {
  const values = { namn: 'Tolvan Tolvansson', ärendenummer: 'FEL-2026-000012', inkom: '2026-12-01', frist: '2026-12-11', idag: '2026-12-06' }

  it('fills the name, the case number and the dates', () => {
    expect(fillTemplate('Hej {namn}!\nTack för ärende {ärendenummer} som kom in {inkom}. Vi svarar senast {frist}. /Servicecenter {idag}', values))
      .toBe('Hej Tolvan Tolvansson!\nTack för ärende FEL-2026-000012 som kom in 2026-12-01. Vi svarar senast 2026-12-11. /Servicecenter 2026-12-06')
  })

  it('leaves no gap where the case lacks a value (an anonymous caller)', () => {
    expect(fillTemplate('Hej {namn}! Ärende {ärendenummer}, frist {frist}.', { ärendenummer: 'KON-2026-000001' }))
      .toBe('Hej! Ärende KON-2026-000001, frist.')
  })

  it('keeps an unknown name as typed and names it, once, for the team lead', () => {
    expect(fillTemplate('Hej {nam}, {namn}', values)).toBe('Hej {nam}, Tolvan Tolvansson')
    expect(unknownPlaceholders('Hej {nam} {nam} {datum} {namn} {}')).toEqual(['nam', 'datum'])
  })

  it('keeps line breaks and text with braces that are not placeholders', () => {
    expect(fillTemplate('Rad ett\n\nRad { två }', values)).toBe('Rad ett\n\nRad { två }')
  })
})
