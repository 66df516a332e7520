import { rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { cleanText } from './text.ts'

// Page geometry and the furniture every page carries, kept apart from the flow so the look of all
// documents (receipts, decision letters) is decided in one place.
export const A4 = { width: 595.28, height: 841.89 }
export const MARGIN = { top: 48, right: 62, bottom: 64, left: 62 }
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right
export const INK = rgb(0.1, 0.1, 0.12)
export const MUTED = rgb(0.36, 0.37, 0.4)
const RULE = rgb(0.78, 0.79, 0.82)
export const SIZE = { body: 10.5, label: 10, heading: 13, title: 20, kicker: 11, header: 11, small: 8.5 }

export type Fonts = { regular: PDFFont; bold: PDFFont }

export function drawRule(page: PDFPage, y: number, thickness = 0.5): void {
  page.drawLine({ start: { x: MARGIN.left, y }, end: { x: A4.width - MARGIN.right, y }, thickness, color: RULE })
}

function drawRightAligned(page: PDFPage, text: string, y: number, font: PDFFont): void {
  const x = A4.width - MARGIN.right - font.widthOfTextAtSize(text, SIZE.small)
  page.drawText(text, { x, y, size: SIZE.small, font, color: MUTED })
}

/** Organisation name left, contact lines right, a rule below. Returns where content may start. */
export function drawHeader(page: PDFPage, fonts: Fonts, name: string, lines: string[]): number {
  const top = A4.height - MARGIN.top
  page.drawText(cleanText(name), { x: MARGIN.left, y: top - SIZE.header, size: SIZE.header, font: fonts.bold, color: INK })
  const leading = SIZE.small * 1.35
  lines.forEach((line, i) => drawRightAligned(page, cleanText(line), top - SIZE.small - i * leading, fonts.regular))
  const ruleY = top - Math.max(SIZE.header * 1.5, lines.length * leading + 4)
  drawRule(page, ruleY, 0.75)
  return ruleY - 24
}

export function drawFooter(page: PDFPage, fonts: Fonts, pageLabel: string, note: string): void {
  const y = MARGIN.bottom - 30
  drawRule(page, y + 14)
  drawRightAligned(page, pageLabel, y, fonts.regular)
  const clean = cleanText(note)
  if (clean) page.drawText(clean, { x: MARGIN.left, y, size: SIZE.small, font: fonts.regular, color: MUTED })
}
