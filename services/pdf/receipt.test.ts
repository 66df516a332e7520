import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { overlappingWords, pdfFonts, pdfInfo, pdfText, pdfWords } from './poppler.testing.ts'
import { renderReceiptPdf, type ReceiptInput } from './receipt.server.ts'

const base: ReceiptInput = {
  locale: 'sv',
  municipality: { name: 'Exempelby kommun', phone: '0123-45 67 89', address: 'Storgatan 1, 123 45 Exempelby' },
  title: 'Felanmälan',
  caseNumber: 'FEL-2026-000123',
  receivedAt: new Date('2026-03-05T13:03:00Z'), // 14:03 in Stockholm (CET)
  sections: [
    {
      title: 'Vad gäller det?',
      rows: [
        { label: 'Kategori', value: 'Gatubelysning' },
        { label: 'Plats', value: 'Åvägen 3\n123 45 Exempelby' },
        { label: 'Kostnad', value: '−1 200 kr' },
        { label: 'Bekräftat', value: '✓ Ja' },
      ],
    },
    { rows: [{ label: 'Övrigt', value: 'Lampan blinkar även på dagtid.' }] },
  ],
  attachments: [
    { name: 'foto.jpg', size: Math.round(2.4 * 1024 * 1024) },
    { name: 'skiss.pdf', size: 120 * 1024 },
  ],
}

// Page geometry the layout promises: nothing may cross the side margins.
const PAGE_WIDTH = 595.28
const SIDE_MARGIN = 62

const oneLine = (text: string) => text.replace(/\s+/g, ' ')

describe('renderReceiptPdf', () => {
  it('shows the case, every label and value, and the attachments in Swedish', async () => {
    const text = oneLine(pdfText(await renderReceiptPdf(base)))

    for (const expected of [
      'Exempelby kommun', 'Storgatan 1, 123 45 Exempelby', 'Telefon 0123-45 67 89',
      'Kvitto', 'Felanmälan', 'Exempelby kommun har tagit emot ditt ärende ”Felanmälan”.',
      'Ärendenummer', 'FEL-2026-000123', 'Mottaget', '5 mars 2026 kl. 14:03',
      'Vad gäller det?', 'Kategori', 'Gatubelysning', 'Plats', 'Åvägen 3', '123 45 Exempelby',
      'Kostnad', '\u22121 200 kr', 'Bekräftat', '✓ Ja', 'Övrigt', 'Lampan blinkar även på dagtid.',
      'Bifogade filer', 'foto.jpg (2,4 MB)', 'skiss.pdf (120 kB)', 'Sida 1 av 1',
    ]) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain('Inga bifogade filer')
    expect(text).not.toContain('Signerat av')
  })

  it('lists the sub-cases a request fanned out to, each with its number and who handles it', async () => {
    const subCases = [
      { number: 'NY-2026-000002', title: 'Lånekort', handledBy: 'Bibliotek (Kultur- och fritidsförvaltningen)' },
      { number: 'NY-2026-000003', title: 'Abonnemang för sophämtning', handledBy: 'Avfall (Samhällsbyggnadsförvaltningen)' },
    ]
    const text = oneLine(pdfText(await renderReceiptPdf({ ...base, subCases })))
    expect(text).toContain('Din beställning blev 2 ärenden')
    expect(text).toContain('NY-2026-000002 Lånekort, handläggs av Bibliotek (Kultur- och fritidsförvaltningen)')
    expect(text).toContain('NY-2026-000003 Abonnemang för sophämtning, handläggs av Avfall (Samhällsbyggnadsförvaltningen)')
    expect(oneLine(pdfText(await renderReceiptPdf(base)))).not.toContain('Din beställning blev')
  })

  it('embeds its own font so å ä ö, − and ✓ are not left to the viewer', async () => {
    const fonts = pdfFonts(await renderReceiptPdf(base))
    const rows = fonts.split('\n').slice(2).filter(Boolean)
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row).toMatch(/^DejaVuSans\S*\s.*\byes\b/)
  })

  it('says so when there are no attachments and shows the signature when signed', async () => {
    const bytes = await renderReceiptPdf({
      ...base,
      attachments: [],
      signedBy: { name: 'Anna Åström', at: new Date('2026-07-01T10:15:00Z') }, // 12:15 in Stockholm (CEST)
    })
    const text = oneLine(pdfText(bytes))
    expect(text).toContain('Inga bifogade filer')
    expect(text).toContain('Signerat av Anna Åström, 1 juli 2026 kl. 12:15')
    expect(text).toContain('Underskrift Underskriven med BankID av Anna Åström, 1 juli 2026 kl. 12:15.')
  })

  it('tells what happens next when there are notices, and ends with no signature line when unsigned', async () => {
    const notices = ['En biståndshandläggare går igenom ansökan och kontaktar dig.']
    const text = oneLine(pdfText(await renderReceiptPdf({ ...base, notices })))
    expect(text).toContain(`Vad händer nu? ${notices[0]}`)
    expect(text).not.toContain('Underskrift')
    expect(oneLine(pdfText(await renderReceiptPdf(base)))).not.toContain('Vad händer nu?')
  })

  it('tells this e-service\'s next steps with its handling time, and the e-mail address only when a mail was queued', async () => {
    const next = 'Servicecenter går igenom din anmälan inom 10 dagar och skickar den till dem som ska åtgärda felet.'
    const text = oneLine(pdfText(await renderReceiptPdf({ ...base, next, mailedTo: 'anna@exempel.se' })))
    expect(text).toContain(`Vad händer nu? ${next}`)
    expect(text).toContain('Vi skickar också en bekräftelse med ärendenumret till anna@exempel.se.')
    // The flag's notice comes first: it changes who handles the case.
    const both = oneLine(pdfText(await renderReceiptPdf({ ...base, next, notices: ['En biståndshandläggare går igenom ansökan.'] })))
    expect(both).toContain(`Vad händer nu? En biståndshandläggare går igenom ansökan. ${next}`)
    expect(both).not.toContain('bekräftelse')
    const en = oneLine(pdfText(await renderReceiptPdf({ ...base, locale: 'en', next: 'We review it within 10 days.', mailedTo: 'anna@example.com' })))
    expect(en).toContain('What happens next? We review it within 10 days. We are also sending a confirmation with the case number to anna@example.com.')
  })

  it('uses English texts for the English locale', async () => {
    const text = oneLine(pdfText(await renderReceiptPdf({ ...base, locale: 'en', attachments: [] })))
    for (const expected of [
      'Receipt', 'Case number', 'Received', '5 March 2026 at 14:03', 'Attachments', 'No attachments',
      'Exempelby kommun has received your case “Felanmälan”.', 'Phone 0123-45 67 89', 'Page 1 of 1',
    ]) {
      expect(text).toContain(expected)
    }
    for (const swedish of ['Kvitto', 'Ärendenummer', 'Mottaget', 'Sida', 'Bifogade']) expect(text).not.toContain(swedish)
    expect(oneLine(pdfText(await renderReceiptPdf({ ...base, locale: 'en' })))).toContain('foto.jpg (2.4 MB)')
  })

  it('sets title, author, language and producer metadata', async () => {
    const bytes = await renderReceiptPdf(base)
    const info = pdfInfo(bytes)
    expect(info.Title).toBe('Kvitto – Felanmälan – FEL-2026-000123')
    expect(info.Author).toBe('Exempelby kommun')
    expect(info.Producer).toContain('pdf-lib')
    const doc = await PDFDocument.load(bytes, { updateMetadata: false })
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('sv-SE')

    const en = await PDFDocument.load(await renderReceiptPdf({ ...base, locale: 'en' }), { updateMetadata: false })
    expect(en.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en-GB')
    expect(en.getTitle()).toBe('Receipt – Felanmälan – FEL-2026-000123')
  })

  describe('a long submission', () => {
    const longValue = Array.from({ length: 400 }, (_, i) => `ord${i}`).join(' ').slice(0, 1700) + ' ' + 'Å'.repeat(299)
    const rows = Array.from({ length: 60 }, (_, i) => ({ label: `Fråga ${i + 1}`, value: `Svar nummer ${i + 1}` }))
    const input: ReceiptInput = { ...base, sections: [{ title: 'Beskrivning', rows: [{ label: 'Fritext', value: longValue }, ...rows] }] }

    it('is 2000 characters of text and 60 rows', () => {
      expect(longValue).toHaveLength(2000)
    })

    it('flows over several pages, each with a correct "Sida N av M" footer', async () => {
      const bytes = await renderReceiptPdf(input)
      const pages = Number(pdfInfo(bytes).Pages)
      expect(pages).toBeGreaterThanOrEqual(3)
      for (let page = 1; page <= pages; page++) {
        const text = pdfText(bytes, page)
        expect(text).toContain(`Sida ${page} av ${pages}`)
        expect(text).toContain('Exempelby kommun')
        expect(text).toContain('Kvitto FEL-2026-000123')
      }
    })

    it('keeps all the text, in order, and every row', async () => {
      const bytes = await renderReceiptPdf(input)
      const text = pdfText(bytes)
      // Wrapped lines and page furniture interleave, so compare without whitespace and footers.
      const body = text.replace(/Sida \d+ av \d+|Kvitto FEL-2026-000123|Exempelby kommun|Storgatan.*|Telefon.*/g, '')
      expect(body.replace(/\s+/g, '')).toContain(longValue.replace(/\s+/g, ''))
      const flat = oneLine(text)
      for (const row of rows) expect(flat).toMatch(new RegExp(`${row.label} ${row.value}(?!\\d)`))
    })

    it('wraps inside the margins without overlapping text', async () => {
      const words = pdfWords(await renderReceiptPdf(input))
      expect(words.length).toBeGreaterThan(400)
      for (const word of words) {
        expect(word.xMin).toBeGreaterThanOrEqual(SIDE_MARGIN - 1)
        expect(word.xMax).toBeLessThanOrEqual(PAGE_WIDTH - SIDE_MARGIN + 1)
      }
      expect(overlappingWords(words)).toEqual([])
    })
  })
})
