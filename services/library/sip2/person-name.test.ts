import { describe, expect, it } from 'vitest'
import { readingOrder } from './person-name.ts'

describe('readingOrder', () => {
  it('turns "Surname, Given names" round', () => {
    expect(readingOrder('Åström, Märta')).toBe('Märta Åström')
    expect(readingOrder(' af Ugglas ,  Anna Lena ')).toBe('Anna Lena af Ugglas')
  })
  it('keeps a name it cannot read for sure as it is', () => {
    expect(readingOrder('Märta Åström')).toBe('Märta Åström')
    expect(readingOrder('Åström, Märta, fil. dr')).toBe('Åström, Märta, fil. dr')
    expect(readingOrder('Åström,')).toBe('Åström,')
    expect(readingOrder('')).toBe('')
  })
})
