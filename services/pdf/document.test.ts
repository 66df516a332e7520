import { describe, expect, it } from 'vitest'
import { PdfDocumentBuilder, type DocumentOptions } from './document.server.ts'
import { pdfInfo, pdfText, pdfWords, type WordBox } from './poppler.testing.ts'

const options: DocumentOptions = { locale: 'sv', author: 'Exempelby kommun', title: 'Beslut' }

// Poppler measures from the top of the page; the header ends above 85 pt and the footer starts below 790 pt.
const isBody = (word: WordBox) => word.yMin > 85 && word.yMax < 790

async function render(build: (doc: PdfDocumentBuilder) => void): Promise<Uint8Array> {
  const doc = await PdfDocumentBuilder.create(options)
  build(doc)
  return doc.save()
}

describe('PdfDocumentBuilder', () => {
  it('renders an empty document as one page with header and footer', async () => {
    const bytes = await render(() => {})
    expect(pdfInfo(bytes).Pages).toBe('1')
    expect(pdfText(bytes)).toMatch(/Exempelby kommun[\s\S]*Sida 1 av 1/)
  })

  it('puts the label above the value in the stacked layout', async () => {
    const bytes = await render((doc) => doc.keyValues([{ label: 'Beslut', value: 'Ansökan beviljas.' }], 'above'))
    const lines = pdfText(bytes).split('\n')
    const label = lines.findIndex((line) => line.trim() === 'Beslut')
    const value = lines.findIndex((line) => line.trim() === 'Ansökan beviljas.')
    expect(label).toBeGreaterThanOrEqual(0)
    expect(value).toBeGreaterThan(label)
  })

  it('shows an en dash for an empty value rather than a bare label', async () => {
    const text = pdfText(await render((doc) => doc.keyValues([{ label: 'Telefon', value: '  ' }])))
    expect(text).toMatch(/Telefon\s+–/)
  })

  it('draws list items with bullets', async () => {
    const text = pdfText(await render((doc) => doc.list(['första', 'andra'])))
    expect(text).toMatch(/•\s*första[\s\S]*•\s*andra/)
  })

  it('neither leaves empty pages nor strands a heading at the bottom of a page', async () => {
    // Growing the document one row at a time moves every page break through every kind of line.
    for (let count = 30; count <= 75; count++) {
      const bytes = await render((doc) => {
        doc.title('Beslut om bygglov')
        for (let i = 0; i < count; i++) {
          if (i % 6 === 0) doc.heading(`Rubrik ${i}`)
          doc.keyValues([{ label: `Fält ${i}`, value: i % 5 === 0 ? 'rad ett\nrad två\nrad tre' : `värde ${i}` }])
        }
        // Trailing space that does not fit must not open a page of its own.
        doc.spacer(300)
      })
      const words = pdfWords(bytes).filter(isBody)
      const pages = Number(pdfInfo(bytes).Pages)
      for (let page = 1; page <= pages; page++) {
        const onPage = words.filter((word) => word.page === page)
        expect(onPage.length, `page ${page} of ${count} rows`).toBeGreaterThan(0)
        const lowest = onPage.reduce((a, b) => (b.yMax > a.yMax ? b : a))
        const lastLine = onPage.filter((word) => Math.abs(word.yMax - lowest.yMax) < 2).map((word) => word.text)
        expect(lastLine[0], `last line on page ${page} of ${count} rows`).not.toBe('Rubrik')
      }
    }
  }, 120_000)
})
