import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { renderDecisionLetter, type DecisionLetterInput } from './decision.server.ts'
import { supplementContent } from './letter-content.ts'
import { renderLetter } from './letter.server.ts'
import { PdfDocumentBuilder, type DocumentOptions } from './document.server.ts'
import { SIZE } from './page.ts'
import { pdfInfo, pdfMetadata, pdfText, pdfStructure, pdfWords, structureTexts, type StructNode, type WordBox } from './poppler.testing.ts'
import { renderReceiptPdf } from './receipt.server.ts'
import { renderRegisterExtractPdf } from './register-extract.server.ts'

// Everything here reads the saved file back with poppler (pdfinfo -struct-text, pdftotext -bbox), an
// independent reader, and checks what a screen reader would get: the tags, their order and the language.

const options: DocumentOptions = {
  locale: 'sv',
  author: 'Exempelby kommun',
  title: 'Beslut – Bygglov – BYG-2026-000001',
  headerLines: ['Storgatan 1, 123 45 Exempelby', 'Telefon 0123-45 67 89'],
  footerNote: 'Beslut BYG-2026-000001',
}

async function render(build: (doc: PdfDocumentBuilder) => void, extra: Partial<DocumentOptions> = {}): Promise<Uint8Array> {
  const doc = await PdfDocumentBuilder.create({ ...options, ...extra })
  build(doc)
  return doc.save()
}

/** The tree as text, e.g. "Document[P H1 Table[TR[TH TD]]]": tags only, attributes left out. */
function outline(node: StructNode): string {
  const kids = node.kids.filter((kid): kid is StructNode => typeof kid !== 'string')
  return kids.length ? `${node.type}[${kids.map(outline).join(' ')}]` : node.type
}

function findAll(node: StructNode, type: string): StructNode[] {
  const kids = node.kids.filter((kid): kid is StructNode => typeof kid !== 'string')
  return [...(node.type === type ? [node] : []), ...kids.flatMap((kid) => findAll(kid, type))]
}

const words = (texts: string[]) => texts.join(' ').split(/\s+/).filter(Boolean)

// Poppler measures from the top of the page: the running header (up to three contact lines) ends above
// 88 pt, where content starts, and the footer starts below the content's bottom margin at 777.89 pt.
const HEADER_BOTTOM = 88
const FOOTER_TOP = 841.89 - 64

/**
 * What a sighted reader sees on the pages, with the running header and footer left out: the first page's
 * letterhead (whose right-aligned contact lines pdftotext reads before the name) and the rest in pdftotext's
 * reading order.
 */
function visibleWords(bytes: Uint8Array): { letterhead: string[]; body: string[] } {
  const content = pdfWords(bytes).filter((w) => w.yMin < FOOTER_TOP)
  const inHeader = (w: WordBox) => w.yMin < HEADER_BOTTOM
  return {
    letterhead: content.filter((w) => w.page === 1 && inHeader(w)).map((w) => w.text),
    body: content.filter((w) => !inHeader(w)).map((w) => w.text),
  }
}

const structureWords = (bytes: Uint8Array) => words(structureTexts(pdfStructure(bytes)))

async function catalogOf(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  return pdf.catalog
}

/**
 * Each marked-content sequence the structure tree points to, as "page object number:MCID" → the element that
 * holds it, read by walking the tree from the catalog of the saved file.
 */
function contentOwners(pdf: PDFDocument): Map<string, PDFRef> {
  const owners = new Map<string, PDFRef>()
  const visit = (ref: PDFRef) => {
    const element = pdf.context.lookup(ref, PDFDict)
    const page = element.get(PDFName.of('Pg'))
    const kids = element.get(PDFName.of('K'))
    const list: PDFObject[] = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []
    for (const kid of list) {
      if (kid instanceof PDFNumber && page instanceof PDFRef) owners.set(`${page.objectNumber}:${kid.asNumber()}`, ref)
      else if (kid instanceof PDFRef) visit(kid)
      else if (kid instanceof PDFDict) {
        const mcrPage = kid.get(PDFName.of('Pg'))
        const mcid = kid.get(PDFName.of('MCID'))
        if (mcrPage instanceof PDFRef && mcid instanceof PDFNumber) owners.set(`${mcrPage.objectNumber}:${mcid.asNumber()}`, ref)
      }
    }
  }
  const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
  root.lookup(PDFName.of('K'), PDFArray).asArray().forEach((kid) => visit(kid as PDFRef))
  return owners
}

const decision: DecisionLetterInput = {
  locale: 'sv',
  municipality: { name: 'Exempelby kommun', address: 'Box 1, 123 45 Exempelby', phone: '0123-45 67 89', email: 'kommun@exempelby.se' },
  formTitle: 'Parkeringstillstånd',
  caseNumber: 'PRK-2026-000007',
  receivedAt: new Date('2026-03-02T08:00:00Z'),
  decidedAt: new Date('2026-03-09T10:30:00Z'),
  decidedBy: 'Anna Handläggare',
  applicant: { name: 'Sven Svensson', personalNumber: '194001019804' },
  decision: 'denied',
  reasons: 'Du uppfyller inte kraven på nedsatt rörelseförmåga enligt läkarintyget.\nIntyget visar att du kan gå mer än 500 meter.',
  appealable: true,
}

// The same data that drive the renderers in the portal, long enough to run over several pages.
const longReceipt = () =>
  renderReceiptPdf({
    locale: 'sv',
    municipality: { name: 'Exempelby kommun', phone: '0123-45 67 89', address: 'Storgatan 1, 123 45 Exempelby' },
    title: 'Felanmälan',
    caseNumber: 'FEL-2026-000123',
    receivedAt: new Date('2026-03-05T13:03:00Z'),
    sections: Array.from({ length: 6 }, (_, s) => ({
      title: `Avsnitt ${s + 1}`,
      rows: Array.from({ length: 8 }, (_, r) => ({ label: `Fråga ${r + 1}`, value: r % 3 ? `Svar ${r}` : 'Åvägen 3\n123 45 Exempelby' })),
    })),
    attachments: [{ name: 'foto.jpg', size: 2_400_000 }, { name: 'Känslig fil' }],
    notices: ['En handläggare kontrollerar din ansökan.'],
    signedBy: { name: 'Sven Svensson', at: new Date('2026-03-05T13:02:00Z') },
    subCases: [{ number: 'NY-2026-000002', title: 'Lånekort', handledBy: 'Bibliotek' }],
  })

const letterTo = { name: 'Greta Persson', street: 'Björkvägen 12', postcode: '135 40', city: 'Tyresö' }
const letterFrom = { name: 'Exempelby kommun', address: 'Storgatan 1, 123 45 Exempelby', phone: '0123-45 67 89', email: 'kommun@exempelby.se' }

const documents: Record<string, () => Promise<Uint8Array>> = {
  receipt: longReceipt,
  'letter for a window envelope': () => renderLetter({
    content: supplementContent({
      locale: 'sv', municipality: letterFrom, formTitle: 'Ansök om trygghetslarm', caseNumber: 'LARM-2026-000042',
      items: ['Nycklar: Hur ska personalen komma in?'], message: 'Vi behöver veta hur personalen kommer in i bostaden.', dueDate: '20 december 2026',
    }),
    municipality: letterFrom, recipient: letterTo, caseNumber: 'LARM-2026-000042', date: '6 december 2026', createdAt: new Date('2026-12-06T09:00:00Z'),
  }),
  'decision letter': () => renderDecisionLetter(decision),
  'decision letter in English': () => renderDecisionLetter({ ...decision, locale: 'en', appealable: false }),
  'register extract': () =>
    renderRegisterExtractPdf({
      municipality: { name: 'Exempelby kommun', phone: '0123-45 67 89' },
      title: 'Registerutdrag',
      facts: [{ label: 'Personnummer', value: '19400101-9804' }],
      intro: ['Det här är de uppgifter kommunen har om dig i e-tjänsterna.'],
      sections: [
        { heading: 'Ärenden', empty: 'Inga ärenden.', items: Array.from({ length: 12 }, (_, i) => ({
          title: `FEL-2026-0000${10 + i}`,
          rows: [{ label: 'Status', value: 'Avslutat' }, { label: 'Inkom', value: '5 mars 2026' }],
          list: { heading: 'Bifogade filer', items: ['foto.jpg'] },
        })) },
        { heading: 'Utkast', empty: 'Inga sparade utkast.', items: [] },
      ],
      createdAt: new Date('2026-03-10T09:00:00Z'),
      footerNote: 'Registerutdrag 2026-03-10',
    }),
}

describe('tagged PDF structure', () => {
  it('tags each kind of content with its standard structure type, letterhead first', async () => {
    const bytes = await render((doc) =>
      doc
        .title('Bygglov', 'Beslut')
        .paragraph('Vi har prövat din ansökan.')
        .keyValues([
          { label: 'Ärendenummer', value: 'BYG-2026-000001' },
          { label: 'Beslut', value: 'Ansökan beviljas.' },
        ])
        .heading('Bifogade filer')
        .list(['ritning.pdf', 'foto.jpg'])
        .heading('Tidigare ärenden')
        .subheading('BYG-2025-000042')
        .keyValues([{ label: 'Status', value: 'Avslutat' }], 'above'),
    )
    const tree = pdfStructure(bytes)
    expect(outline(tree)).toBe(
      '(root)[Document[P P P P H1 P Table[TR[TH TD] TR[TH TD]] H2 L[LI[Lbl LBody] LI[Lbl LBody]] H2 H3 Table[TR[TH TD]]]]',
    )
    expect(structureTexts(tree).slice(0, 5)).toEqual([
      'Exempelby kommun', 'Storgatan 1, 123 45 Exempelby', 'Telefon 0123-45 67 89', 'Beslut', 'Bygglov',
    ])
    // Label cells are row headers, so a screen reader announces "Ärendenummer" with its value.
    const headers = findAll(tree, 'TH')
    expect(headers.map((th) => th.kids)).toEqual([['Ärendenummer'], ['Beslut'], ['Status']])
    for (const th of headers) expect(th.attributes).toContain('/Scope /Row')
    expect(findAll(tree, 'TD').map((td) => td.kids)).toEqual([['BYG-2026-000001'], ['Ansökan beviljas.'], ['Avslutat']])
    expect(findAll(tree, 'LBody').map((body) => body.kids)).toEqual([['ritning.pdf'], ['foto.jpg']])
  })

  it('reads what the first page alone carries (an address block) after the letterhead and before the title', async () => {
    const firstPage: DocumentOptions['firstPage'] = (canvas, fonts, top, element) => {
      const lines = ['Sven Svensson', 'Åvägen 3', '123 45 Exempelby']
      lines.forEach((text, i) => {
        const options = { x: 80, y: top - 20 - i * 13, size: SIZE.body, font: fonts.regular }
        canvas.mark(element(), () => canvas.page.drawText(text, options))
      })
      return top - 80
    }
    const long = Array.from({ length: 700 }, (_, i) => `ord${i}`).join(' ')
    const bytes = await render((doc) => doc.title('Bygglov').paragraph(long), { firstPage })
    expect(structureTexts(pdfStructure(bytes)).slice(3, 7)).toEqual(['Sven Svensson', 'Åvägen 3', '123 45 Exempelby', 'Bygglov'])
    // Only the first page has it.
    expect(pdfText(bytes).match(/Sven Svensson/g)).toHaveLength(1)
  })

  it('leaves no empty element for text that came out empty', async () => {
    const tree = pdfStructure(await render((doc) => doc.paragraph('  ').paragraph('Text.')))
    expect(outline(tree)).toBe('(root)[Document[P P P P]]')
    expect(structureTexts(tree).at(-1)).toBe('Text.')
  })

  it('keeps a paragraph broken over a page as one element, and reads the letterhead only once', async () => {
    const long = Array.from({ length: 700 }, (_, i) => `ord${i}`).join(' ')
    const bytes = await render((doc) => doc.title('Bygglov').paragraph(long))
    expect(Number(pdfInfo(bytes).Pages)).toBeGreaterThan(1)
    const tree = pdfStructure(bytes)
    expect(outline(tree)).toBe('(root)[Document[P P P H1 P]]')
    const [paragraph] = findAll(tree, 'P').slice(-1)
    expect(words((paragraph?.kids ?? []) as string[])).toEqual(long.split(' '))
    // Page numbers and the repeated header are artifacts: the structure holds none of them.
    const texts = structureTexts(tree).join('\n')
    expect(texts).not.toMatch(/Sida \d av \d|Beslut BYG-2026-000001/)
    expect(texts.match(/Exempelby kommun/g)).toHaveLength(1)
  })

  it('marks the document as tagged PDF/UA with its title shown, language and metadata', async () => {
    const bytes = await render((doc) => doc.title('Bygglov'))
    const info = pdfInfo(bytes)
    expect(info).toMatchObject({ Tagged: 'yes', 'PDF version': '1.7', Title: options.title, 'Metadata Stream': 'yes' })
    const xmp = pdfMetadata(bytes)
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>')
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${options.title}</rdf:li>`)

    const catalog = await catalogOf(bytes)
    expect(catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('sv-SE')
    expect(catalog.lookup(PDFName.of('MarkInfo'), PDFDict).lookup(PDFName.of('Marked'), PDFBool).asBoolean()).toBe(true)
    const preferences = catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict)
    expect(preferences.lookup(PDFName.of('DisplayDocTitle'), PDFBool).asBoolean()).toBe(true)
  })

  it('maps every MCID of every page back to its element through the ParentTree', async () => {
    const bytes = await longReceipt()
    const pdf = await PDFDocument.load(bytes)
    const owners = contentOwners(pdf)
    const nums = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray)
    const parentTree = new Map<number, PDFArray>()
    for (let i = 0; i < nums.size(); i += 2) parentTree.set(nums.lookup(i, PDFNumber).asNumber(), nums.lookup(i + 1, PDFArray))
    const pages = pdf.getPages()
    expect(pages.length).toBeGreaterThan(1)
    let mapped = 0
    for (const page of pages) {
      const parents = parentTree.get(page.node.lookup(PDFName.of('StructParents'), PDFNumber).asNumber())
      const refs = parents?.asArray() ?? []
      expect(refs.length).toBeGreaterThan(0)
      refs.forEach((ref, mcid) => expect(owners.get(`${page.ref.objectNumber}:${mcid}`), `MCID ${mcid}`).toBe(ref))
      mapped += refs.length
    }
    expect(mapped).toBe(owners.size)
  })

  it('gives an English document the English language tag', async () => {
    const bytes = await render((doc) => doc.title('Building permit'), { locale: 'en', title: 'Decision' })
    const catalog = await catalogOf(bytes)
    expect(catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en-GB')
    expect(pdfMetadata(bytes)).toContain('<rdf:li>en-GB</rdf:li>')
  })
})

describe('every document the portal makes', () => {
  for (const [name, make] of Object.entries(documents)) {
    it(`${name}: every word on every page is in the structure tree, in reading order`, async () => {
      const bytes = await make()
      expect(pdfInfo(bytes).Tagged).toBe('yes')
      const { letterhead, body } = visibleWords(bytes)
      expect(body.length).toBeGreaterThan(20)
      const structure = structureWords(bytes)
      // The structure reads the letterhead first: the organisation's name, then its contact lines.
      expect(structure.slice(0, 2)).toEqual(['Exempelby', 'kommun'])
      expect(structure.slice(0, letterhead.length).sort()).toEqual(letterhead.sort())
      expect(structure.slice(letterhead.length)).toEqual(body)
      const tree = pdfStructure(bytes)
      expect(findAll(tree, 'H1')).toHaveLength(1)
    })
  }
})
