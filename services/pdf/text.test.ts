import { describe, expect, it } from 'vitest'
import { cleanText, wrapText } from './text.ts'

// One unit per character makes expected lines easy to reason about.
const measure = (text: string) => [...text].length

describe('wrapText', () => {
  it('wraps by words without exceeding the width', () => {
    expect(wrapText('en två tre fyra fem', 8, measure)).toEqual(['en två', 'tre fyra', 'fem'])
  })

  it('keeps newlines and blank lines, and collapses runs of spaces', () => {
    expect(wrapText('Åvägen   3\r\n\r\n123 45 Ö', 20, measure)).toEqual(['Åvägen 3', '', '123 45 Ö'])
  })

  it('breaks words longer than a line', () => {
    expect(wrapText('ab cdefghijkl m', 5, measure)).toEqual(['ab', 'cdefg', 'hijkl', 'm'])
  })

  it('never breaks at a no-break space', () => {
    expect(wrapText('summa −1\u00A0200\u00A0kr', 10, measure)).toEqual(['summa', '−1\u00A0200\u00A0kr'])
  })

  it('does not split a grapheme when breaking a word', () => {
    const graphemeCount = (t: string) => [...new Intl.Segmenter().segment(t)].length
    // A flag is two code points; splitting between them would print two stray regional letters.
    expect(wrapText('🇸🇪🇸🇪🇸🇪', 2, graphemeCount)).toEqual(['🇸🇪🇸🇪', '🇸🇪'])
  })

  it('gives one empty line for empty text', () => {
    expect(wrapText('  ', 10, measure)).toEqual([''])
  })
})

describe('cleanText', () => {
  it('composes decomposed letters and drops invisible control characters', () => {
    expect(cleanText('a\u030Angstro\u0308m\u0000\u00AD\u0007\tx')).toBe('ångström x')
  })
})
