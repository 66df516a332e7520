import { rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { ARTIFACT, type Tag } from './tagging.ts'
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

/** One page to draw on, where every piece drawn is tagged (services/pdf/tagging.ts): nothing goes on untagged. */
export type Canvas = { page: PDFPage; mark: (tag: Tag, draw: () => void) => void }

export function drawRule(canvas: Canvas, y: number, thickness = 0.5): void {
  const line = { start: { x: MARGIN.left, y }, end: { x: A4.width - MARGIN.right, y }, thickness, color: RULE }
  canvas.mark(ARTIFACT.layout, () => canvas.page.drawLine(line))
}

function drawRightAligned(canvas: Canvas, tag: Tag, text: string, y: number, font: PDFFont): void {
  const x = A4.width - MARGIN.right - font.widthOfTextAtSize(text, SIZE.small)
  canvas.mark(tag, () => canvas.page.drawText(text, { x, y, size: SIZE.small, font, color: MUTED }))
}

/**
 * Organisation name left, contact lines right, a rule below. Returns where content may start. `tag` gives each
 * text its tag: the letterhead is read on the first page and an artifact (a running header) on the others.
 */
export function drawHeader(canvas: Canvas, fonts: Fonts, name: string, lines: string[], tag: () => Tag): number {
  const top = A4.height - MARGIN.top
  const nameOptions = { x: MARGIN.left, y: top - SIZE.header, size: SIZE.header, font: fonts.bold, color: INK }
  canvas.mark(tag(), () => canvas.page.drawText(cleanText(name), nameOptions))
  const leading = SIZE.small * 1.35
  lines.forEach((line, i) => drawRightAligned(canvas, tag(), cleanText(line), top - SIZE.small - i * leading, fonts.regular))
  const ruleY = top - Math.max(SIZE.header * 1.5, lines.length * leading + 4)
  drawRule(canvas, ruleY, 0.75)
  return ruleY - 24
}

/** Page number and note: a running footer, so an artifact that screen readers skip. */
export function drawFooter(canvas: Canvas, fonts: Fonts, pageLabel: string, note: string): void {
  const y = MARGIN.bottom - 30
  drawRule(canvas, y + 14)
  drawRightAligned(canvas, ARTIFACT.footer, pageLabel, y, fonts.regular)
  const clean = cleanText(note)
  const options = { x: MARGIN.left, y, size: SIZE.small, font: fonts.regular, color: MUTED }
  if (clean) canvas.mark(ARTIFACT.footer, () => canvas.page.drawText(clean, options))
}
