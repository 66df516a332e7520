import { PDFDocument } from 'pdf-lib'
import type { Recipient } from '../letters/recipient.ts'
import { recipientLines } from '../letters/recipient.ts'
import { PdfDocumentBuilder, type DocumentOptions } from './document.server.ts'
import type { PdfLocale } from './format.ts'
import type { LetterBlock, LetterContent, Municipality } from './letter-content.ts'
import { A4, INK, MUTED, SIZE, type Fonts } from './page.ts'
import { cleanText } from './text.ts'

const MM = 72 / 25.4

/**
 * The window-envelope address field on an A4 letter folded twice into a C5/E65 envelope with the window on the
 * left, in millimetres from the sheet's top left corner (docs/case-handling.md, "Letters by post"): 20 mm in,
 * 45 mm down, 90 × 40 mm. Only what sits inside it shows through the window.
 */
export const ADDRESS_FIELD_MM = { left: 20, top: 45, width: 90, height: 40 } as const
/** The reference column (date, case number) to the right of the window. */
const REFERENCE_LEFT_MM = 125
/** Body text starts this far down the first page, clear of the window after folding. */
const BODY_TOP_MM = 97

const yFromTop = (mm: number) => A4.height - mm * MM

type FirstPage = NonNullable<DocumentOptions['firstPage']>
type Canvas = Parameters<FirstPage>[0]
type Element = Parameters<FirstPage>[3]

/** Lines drawn at a fixed place, each a paragraph of the structure (read after the letterhead, ADR 035). */
function drawLines(canvas: Canvas, element: Element, lines: { text: string; bold?: boolean; size?: number; muted?: boolean }[], x: number, top: number, fonts: Fonts) {
  let y = top
  for (const l of lines) {
    const size = l.size ?? SIZE.body
    y -= size * 1.25
    const options = { x, y, size, font: l.bold ? fonts.bold : fonts.regular, color: l.muted ? MUTED : INK }
    canvas.mark(element(), () => canvas.page.drawText(cleanText(l.text), options))
  }
}

export type LetterInput = {
  content: LetterContent
  municipality: Municipality
  recipient: Recipient
  caseNumber: string
  /** The letter's date, formatted for its language. */
  date: string
  createdAt: Date
}

const LABELS = { sv: { date: 'Datum', caseNumber: 'Ärendenummer', from: 'Avs.' }, en: { date: 'Date', caseNumber: 'Case number', from: 'From' } } as const

/** The first page's own furniture: sender and recipient in the window, date and case number beside it. */
function addressPage(input: LetterInput, locale: PdfLocale) {
  const l = LABELS[locale]
  const m = input.municipality
  const first: FirstPage = (canvas, fonts, _top, element) => {
    const field = ADDRESS_FIELD_MM
    // The return address in small type at the top of the window, as the post asks of a sender.
    drawLines(canvas, element, [{ text: `${l.from} ${m.name}, ${m.address}`, size: 7, muted: true }], field.left * MM, yFromTop(field.top + 3), fonts)
    drawLines(canvas, element, recipientLines(input.recipient).map((text) => ({ text })), field.left * MM, yFromTop(field.top + 10), fonts)
    drawLines(canvas, element, [
      { text: l.date, bold: true, size: SIZE.label }, { text: input.date },
      { text: l.caseNumber, bold: true, size: SIZE.label }, { text: input.caseNumber },
    ], REFERENCE_LEFT_MM * MM, yFromTop(field.top + 3), fonts)
    return yFromTop(BODY_TOP_MM)
  }
  return first
}

/** Lays out a letter's blocks with the module's builder (headings, paragraphs, facts, lists). */
export function drawBlocks(doc: PdfDocumentBuilder, blocks: LetterBlock[]): void {
  for (const b of blocks) {
    if (b.kind === 'heading') doc.heading(b.text)
    else if (b.kind === 'paragraph') doc.paragraph(b.text, { muted: b.muted })
    else if (b.kind === 'facts') doc.keyValues(b.rows)
    else doc.list(b.items)
  }
}

/**
 * A letter to be posted: the municipality's header, the recipient's name and postal address where a window
 * envelope shows it, the date and case number, then the content. One letter per PDF; `combineLetters`
 * joins the day's letters for printing in one go.
 */
export async function renderLetter(input: LetterInput): Promise<Uint8Array> {
  const { content, municipality: m } = input
  const doc = await PdfDocumentBuilder.create({
    locale: content.locale,
    author: m.name,
    title: `${content.kicker} – ${content.title} – ${input.caseNumber}`,
    subject: `${LABELS[content.locale].caseNumber} ${input.caseNumber}`,
    headerLines: [m.address, m.phone, m.email],
    footerNote: `${content.kicker} ${input.caseNumber}`,
    createdAt: input.createdAt,
    firstPage: addressPage(input, content.locale),
  })
  doc.title(content.title, content.kicker)
  drawBlocks(doc, content.blocks)
  return doc.save()
}

/**
 * Several letters as one PDF, in order, for one print run; each keeps its own page numbering. The run is printed
 * double-sided, so a letter of an odd number of pages is followed by a blank page of its last page's size: every
 * letter then starts on the front of a sheet, and no sheet carries the end of one letter and the start of the next.
 */
export async function combineLetters(letters: Uint8Array[], title: string): Promise<Uint8Array> {
  const out = await PDFDocument.create()
  for (const bytes of letters) {
    const src = await PDFDocument.load(bytes)
    const pages = await out.copyPages(src, src.getPageIndices())
    for (const page of pages) out.addPage(page)
    const last = pages.at(-1)
    if (last && pages.length % 2 === 1) out.addPage([last.getWidth(), last.getHeight()])
  }
  out.setTitle(title, { showInWindowTitleBar: true })
  out.setLanguage('sv-SE')
  out.setCreator('e-tjanster')
  return out.save()
}
