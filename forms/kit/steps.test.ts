import { describe, expect, it } from 'vitest'
import { FORMS } from '../registry.ts'
import { foreningsbidrag } from '../foreningsbidrag/index.ts'
import { nyinflyttad } from '../nyinflyttad/index.ts'
import { journey } from './journey.ts'
import { formSteps, stepNames, stepOf } from './steps.ts'

const ctx = { locale: 'sv' as const, today: '2026-11-22' }

describe('steps', () => {
  it('make föreningsbidrag’s three grant pages one step, since one of them always applies', () => {
    expect(formSteps(foreningsbidrag).length).toBe(8)
    expect(stepNames(foreningsbidrag, 'sv')[5]).toBe('Sammankomster, Lokalen eller Startbidraget')
    expect(stepOf(foreningsbidrag, 'lokal')).toEqual({ n: 6, total: 8 })
    expect(stepOf(foreningsbidrag, 'bilagor')).toEqual({ n: 7, total: 8 })
  })

  it('keep a step that may not apply in the count, named as such, so choosing it adds no step', () => {
    expect(stepNames(nyinflyttad, 'sv')[1]).toBe('Förskola eller fritidshem (om det gäller dig)')
    const without = journey(nyinflyttad, { services: ['welcome'] }, ctx)
    const withPreschool = journey(nyinflyttad, { services: ['preschool'] }, ctx)
    expect(journey(nyinflyttad, {}, ctx).step('tjanster')).toEqual({ n: 1, total: 5 })
    expect(withPreschool.step('forskola')).toEqual({ n: 2, total: 5 })
    expect(withPreschool.step('om-dig')).toEqual({ n: 3, total: 5 })
    expect(without.step('om-dig')).toEqual({ n: 3, total: 5 })
  })

  it('count the same as the start page lists, for every e-service', () => {
    for (const def of FORMS) {
      const names = stepNames(def, 'en')
      for (const page of def.pages) expect(stepOf(def, page.id).total, `${def.id}.${page.id}`).toBe(names.length)
    }
  })
})
