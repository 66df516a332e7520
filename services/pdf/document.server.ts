import { PDFDocument, type PDFFont, type RGB } from 'pdf-lib'
import { fontkit, loadFontBytes } from './fonts.server.ts'
import { languageTag, type PdfLocale } from './format.ts'
import { A4, CONTENT_WIDTH, INK, MARGIN, MUTED, SIZE, drawFooter, drawHeader, drawRule, type Canvas, type Fonts } from './page.ts'
import { ARTIFACT, StructureTree, type StructElement, type StructType } from './tagging.ts'
import { cleanText, wrapText } from './text.ts'
import { setMetadata } from './xmp.ts'

// Label column for rows laid out side by side; wide enough for most Swedish field labels on two lines.
const LABEL_WIDTH = Math.round(CONTENT_WIDTH * 0.36)
const COLUMN_GAP = 14
const FOOTER = {
  sv: (n: number, of: number) => `Sida ${n} av ${of}`,
  en: (n: number, of: number) => `Page ${n} of ${of}`,
}

export type DocumentOptions = {
  locale: PdfLocale
  /** Issuing organisation: shown in every page header and stored as the PDF Author. */
  author: string
  /** PDF Title metadata, shown in viewers' title bars. */
  title: string
  subject?: string
  /** Small contact lines to the right of the organisation name. */
  headerLines?: string[]
  /** Shown left in every footer, e.g. the case number, so a loose printed page can be traced. */
  footerNote?: string
  createdAt?: Date
  /**
   * Draws what only the first page carries below the header (a letter's address block) and returns where the
   * content starts. Every text goes through `canvas.mark` with an element from `element`, which the structure
   * reads right after the letterhead.
   */
  firstPage?: (canvas: Canvas, fonts: Fonts, top: number, element: (type?: StructType) => StructElement) => number
}

export type KeyValueRow = { label: string; value: string }

// The unit of layout: page breaks only ever fall between lines.
type Line = { height: number; draw?: (canvas: Canvas, top: number) => void; collapsible?: boolean }
// A run of text on a line and the structure element it is read as.
type Span = { x: number; text: string; font: PDFFont; size?: number; color?: RGB; tag: StructElement }

/**
 * Lays out a document page by page and tags it as it draws (ADR 035): each call adds its structure elements
 * (H1, H2, P, Table, L …) under the document in call order, which is the reading order, and every text drawn is
 * marked content of its element; rules, running headers and footers are artifacts.
 */
export class PdfDocumentBuilder {
  private canvas: Canvas | undefined
  private y = 0
  private contentTop = 0
  private readonly tree: StructureTree

  private constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
    private readonly options: DocumentOptions,
  ) {
    this.tree = new StructureTree(pdf)
  }

  static async create(options: DocumentOptions): Promise<PdfDocumentBuilder> {
    const pdf = await PDFDocument.create()
    pdf.registerFontkit(fontkit)
    const [regular, bold] = await Promise.all([loadFontBytes('regular'), loadFontBytes('bold')])
    // Subsetting keeps a receipt at tens of kB instead of ~1.4 MB; no ligatures so copied and extracted text
    // reads "fi", not a single ligature glyph.
    const embed = (bytes: Uint8Array) => pdf.embedFont(bytes, { subset: true, features: { liga: false } })
    const fonts = { regular: await embed(regular), bold: await embed(bold) }
    return new PdfDocumentBuilder(pdf, fonts, options)
  }

  /** The document's one H1; the kicker above it (what kind of document: "Kvitto", "Beslut") is read first. */
  title(text: string, kicker?: string): this {
    const lines = kicker ? this.textLines(kicker, this.fonts.regular, SIZE.kicker, this.element('P'), MUTED) : []
    lines.push(...this.textLines(text, this.fonts.bold, SIZE.title, this.element('H1')))
    this.emit([...lines, this.space(10)], lines.length)
    return this
  }

  heading(text: string): this {
    const lines = this.textLines(text, this.fonts.bold, SIZE.heading, this.element('H2'))
    // Reserve room for a little content so a heading never ends up alone at the bottom of a page.
    this.emit([this.space(14), ...lines, this.space(4)], lines.length + 2, SIZE.body * 3)
    return this
  }

  /** A bold line at body size: the name of one item under a heading (a case, a draft), so an H3. */
  subheading(text: string): this {
    const lines = this.textLines(text, this.fonts.bold, SIZE.body, this.element('H3'))
    this.emit([this.space(4), ...lines, this.space(2)], lines.length + 1, SIZE.body * 2)
    return this
  }

  paragraph(text: string, options: { muted?: boolean } = {}): this {
    const lines = this.textLines(text, this.fonts.regular, SIZE.body, this.element('P'), options.muted ? MUTED : INK)
    this.emit([...lines, this.space(6)], Math.min(2, lines.length))
    return this
  }

  /** Label–value rows, read as a table whose label cells are row headers (TH, scope Row) in either layout. */
  keyValues(rows: KeyValueRow[], layout: 'beside' | 'above' = 'beside'): this {
    if (rows.length > 0) this.emit([this.space(2), this.rule(), this.space(5)], 0)
    const table = this.element('Table')
    for (const row of rows) {
      const tr = table.child('TR')
      const cells = { label: tr.child('TH', { O: 'Table', Scope: 'Row' }), value: tr.child('TD') }
      const value = cleanText(row.value) || '–'
      const lines = layout === 'beside' ? this.besideLines(row.label, value, cells) : this.aboveLines(row.label, value, cells)
      // Short rows stay whole; long ones keep at least the label with the start of the value.
      const keep = lines.length <= 5 ? lines.length : 2
      this.emit([...lines, this.space(5), this.rule(), this.space(5)], keep)
    }
    return this
  }

  /** A bulleted list: L, each item an LI with the bullet as its Lbl and the text as its LBody. */
  list(items: string[]): this {
    const indent = 12
    const list = this.element('L')
    for (const item of items) {
      const li = list.child('LI')
      const [bullet, body] = [li.child('Lbl'), li.child('LBody')]
      const wrapped = this.wrap(item, this.fonts.regular, SIZE.body, CONTENT_WIDTH - indent)
      const lines = wrapped.map((text, i) =>
        this.line(SIZE.body, [
          ...(i === 0 ? [{ x: 0, text: '•', font: this.fonts.regular, tag: bullet }] : []),
          { x: indent, text, font: this.fonts.regular, tag: body },
        ]),
      )
      this.emit([...lines, this.space(3)], Math.min(2, lines.length))
    }
    return this
  }

  spacer(points: number): this {
    this.emit([this.space(points)], 0)
    return this
  }

  async save(): Promise<Uint8Array> {
    if (!this.canvas) this.newPage()
    const pages = this.pdf.getPages()
    const label = FOOTER[this.options.locale]
    pages.forEach((page, i) =>
      drawFooter(this.canvasOf(page), this.fonts, label(i + 1, pages.length), this.options.footerNote ?? ''),
    )
    this.tree.finish()
    const { title, author, subject, locale, createdAt = new Date() } = this.options
    setMetadata(this.pdf, {
      title,
      author,
      ...(subject ? { subject } : {}),
      language: languageTag(locale),
      creator: 'e-tjanster',
      producer: 'e-tjanster (pdf-lib)',
      createdAt,
    })
    return this.pdf.save()
  }

  /** A structure element directly under the document, in reading order once something is drawn in it. */
  private element(type: StructType): StructElement {
    return this.tree.document.child(type)
  }

  private emit(lines: Line[], keep: number, reserve = 0): void {
    if (!this.canvas) this.newPage()
    const needed = lines.slice(0, keep).reduce((sum, line) => sum + line.height, reserve)
    if (this.y - needed < MARGIN.bottom && this.y < this.contentTop) this.newPage()
    for (const line of lines) {
      const fits = this.y - line.height >= MARGIN.bottom
      // Spacing and rules never open a page (which could leave an empty last page) nor start one.
      if (line.collapsible && (!fits || this.y === this.contentTop)) continue
      if (!fits) this.newPage()
      if (this.canvas) line.draw?.(this.canvas, this.y)
      this.y -= line.height
    }
  }

  private canvasOf(page: Canvas['page']): Canvas {
    return { page, mark: (tag, draw) => this.tree.mark(page, tag, draw) }
  }

  private newPage(): void {
    const first = !this.canvas
    this.canvas = this.canvasOf(this.pdf.addPage([A4.width, A4.height]))
    // The letterhead is read once, at the start; repeated on later pages it is a running header.
    const tag = () => (first ? this.element('P') : ARTIFACT.header)
    const top = drawHeader(this.canvas, this.fonts, this.options.author, this.options.headerLines ?? [], tag)
    const firstPage = first ? this.options.firstPage : undefined
    this.contentTop = this.y = firstPage ? firstPage(this.canvas, this.fonts, top, (type = 'P') => this.element(type)) : top
  }

  private besideLines(label: string, value: string, cells: { label: StructElement; value: StructElement }): Line[] {
    const labels = this.wrap(label, this.fonts.bold, SIZE.label, LABEL_WIDTH)
    const values = this.wrap(value, this.fonts.regular, SIZE.body, CONTENT_WIDTH - LABEL_WIDTH - COLUMN_GAP)
    return Array.from({ length: Math.max(labels.length, values.length) }, (_, i) =>
      this.line(SIZE.body, [
        { x: 0, text: labels[i] ?? '', font: this.fonts.bold, size: SIZE.label, tag: cells.label },
        { x: LABEL_WIDTH + COLUMN_GAP, text: values[i] ?? '', font: this.fonts.regular, tag: cells.value },
      ]),
    )
  }

  private aboveLines(label: string, value: string, cells: { label: StructElement; value: StructElement }): Line[] {
    return [
      ...this.textLines(label, this.fonts.bold, SIZE.label, cells.label),
      ...this.textLines(value, this.fonts.regular, SIZE.body, cells.value),
    ]
  }

  private textLines(text: string, font: PDFFont, size: number, tag: StructElement, color = INK): Line[] {
    return this.wrap(text, font, size, CONTENT_WIDTH).map((t) => this.line(size, [{ x: 0, text: t, font, size, color, tag }]))
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    return wrapText(text, width, (t) => font.widthOfTextAtSize(t, size))
  }

  private line(size: number, spans: Span[]): Line {
    return {
      height: size * 1.4,
      draw: (canvas, top) => {
        for (const s of spans) {
          if (!s.text) continue
          // Baseline sits about one em below the line top, leaving room for Å's ring above and descenders below.
          const options = { x: MARGIN.left + s.x, y: top - size * 1.1, size: s.size ?? size, font: s.font, color: s.color ?? INK }
          canvas.mark(s.tag, () => canvas.page.drawText(s.text, options))
        }
      },
    }
  }

  private space(points: number): Line {
    return { height: points, collapsible: true }
  }

  private rule(): Line {
    return { height: 0, draw: (canvas, top) => drawRule(canvas, top), collapsible: true }
  }
}
