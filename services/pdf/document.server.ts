import { PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib'
import { fontkit, loadFontBytes } from './fonts.server.ts'
import { languageTag, type PdfLocale } from './format.ts'
import { A4, CONTENT_WIDTH, INK, MARGIN, MUTED, SIZE, drawFooter, drawHeader, drawRule, type Fonts } from './page.ts'
import { cleanText, wrapText } from './text.ts'

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
  /** Draws what only the first page carries below the header (a letter's address block); returns where content starts. */
  firstPage?: (page: PDFPage, fonts: Fonts, top: number) => number
}

export type KeyValueRow = { label: string; value: string }

// The unit of layout: page breaks only ever fall between lines.
type Line = { height: number; draw?: (page: PDFPage, top: number) => void; collapsible?: boolean }

export class PdfDocumentBuilder {
  private page: PDFPage | undefined
  private y = 0
  private contentTop = 0

  private constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
    private readonly options: DocumentOptions,
  ) {}

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

  title(text: string, kicker?: string): this {
    const lines = kicker ? this.textLines(kicker, this.fonts.regular, SIZE.kicker, MUTED) : []
    lines.push(...this.textLines(text, this.fonts.bold, SIZE.title))
    this.emit([...lines, this.space(10)], lines.length)
    return this
  }

  heading(text: string): this {
    const lines = this.textLines(text, this.fonts.bold, SIZE.heading)
    // Reserve room for a little content so a heading never ends up alone at the bottom of a page.
    this.emit([this.space(14), ...lines, this.space(4)], lines.length + 2, SIZE.body * 3)
    return this
  }

  /** A bold line at body size: the name of one item under a heading (a case, a draft). */
  subheading(text: string): this {
    const lines = this.textLines(text, this.fonts.bold, SIZE.body)
    this.emit([this.space(4), ...lines, this.space(2)], lines.length + 1, SIZE.body * 2)
    return this
  }

  paragraph(text: string, options: { muted?: boolean } = {}): this {
    const lines = this.textLines(text, this.fonts.regular, SIZE.body, options.muted ? MUTED : INK)
    this.emit([...lines, this.space(6)], Math.min(2, lines.length))
    return this
  }

  keyValues(rows: KeyValueRow[], layout: 'beside' | 'above' = 'beside'): this {
    if (rows.length > 0) this.emit([this.space(2), this.rule(), this.space(5)], 0)
    for (const row of rows) {
      const value = cleanText(row.value) || '–'
      const lines = layout === 'beside' ? this.besideLines(row.label, value) : this.aboveLines(row.label, value)
      // Short rows stay whole; long ones keep at least the label with the start of the value.
      const keep = lines.length <= 5 ? lines.length : 2
      this.emit([...lines, this.space(5), this.rule(), this.space(5)], keep)
    }
    return this
  }

  list(items: string[]): this {
    const indent = 12
    for (const item of items) {
      const wrapped = this.wrap(item, this.fonts.regular, SIZE.body, CONTENT_WIDTH - indent)
      const lines = wrapped.map((text, i) =>
        this.line(SIZE.body, [
          ...(i === 0 ? [{ x: 0, text: '•', font: this.fonts.regular }] : []),
          { x: indent, text, font: this.fonts.regular },
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
    if (!this.page) this.newPage()
    const pages = this.pdf.getPages()
    const label = FOOTER[this.options.locale]
    pages.forEach((page, i) => drawFooter(page, this.fonts, label(i + 1, pages.length), this.options.footerNote ?? ''))
    const { title, author, subject, locale, createdAt = new Date() } = this.options
    this.pdf.setTitle(title, { showInWindowTitleBar: true })
    this.pdf.setAuthor(author)
    if (subject) this.pdf.setSubject(subject)
    this.pdf.setLanguage(languageTag(locale))
    this.pdf.setCreator('e-tjanster')
    this.pdf.setProducer('e-tjanster (pdf-lib)')
    this.pdf.setCreationDate(createdAt)
    this.pdf.setModificationDate(createdAt)
    return this.pdf.save()
  }

  private emit(lines: Line[], keep: number, reserve = 0): void {
    if (!this.page) this.newPage()
    const needed = lines.slice(0, keep).reduce((sum, line) => sum + line.height, reserve)
    if (this.y - needed < MARGIN.bottom && this.y < this.contentTop) this.newPage()
    for (const line of lines) {
      const fits = this.y - line.height >= MARGIN.bottom
      // Spacing and rules never open a page (which could leave an empty last page) nor start one.
      if (line.collapsible && (!fits || this.y === this.contentTop)) continue
      if (!fits) this.newPage()
      if (this.page) line.draw?.(this.page, this.y)
      this.y -= line.height
    }
  }

  private newPage(): void {
    this.page = this.pdf.addPage([A4.width, A4.height])
    const top = drawHeader(this.page, this.fonts, this.options.author, this.options.headerLines ?? [])
    const first = this.pdf.getPageCount() === 1 ? this.options.firstPage : undefined
    this.contentTop = this.y = first ? first(this.page, this.fonts, top) : top
  }

  private besideLines(label: string, value: string): Line[] {
    const labels = this.wrap(label, this.fonts.bold, SIZE.label, LABEL_WIDTH)
    const values = this.wrap(value, this.fonts.regular, SIZE.body, CONTENT_WIDTH - LABEL_WIDTH - COLUMN_GAP)
    return Array.from({ length: Math.max(labels.length, values.length) }, (_, i) =>
      this.line(SIZE.body, [
        { x: 0, text: labels[i] ?? '', font: this.fonts.bold, size: SIZE.label },
        { x: LABEL_WIDTH + COLUMN_GAP, text: values[i] ?? '', font: this.fonts.regular },
      ]),
    )
  }

  private aboveLines(label: string, value: string): Line[] {
    return [...this.textLines(label, this.fonts.bold, SIZE.label), ...this.textLines(value, this.fonts.regular, SIZE.body)]
  }

  private textLines(text: string, font: PDFFont, size: number, color = INK): Line[] {
    return this.wrap(text, font, size, CONTENT_WIDTH).map((t) => this.line(size, [{ x: 0, text: t, font, size, color }]))
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    return wrapText(text, width, (t) => font.widthOfTextAtSize(t, size))
  }

  private line(size: number, spans: { x: number; text: string; font: PDFFont; size?: number; color?: RGB }[]): Line {
    return {
      height: size * 1.4,
      draw: (page, top) => {
        for (const s of spans) {
          if (!s.text) continue
          // Baseline sits about one em below the line top, leaving room for Å's ring above and descenders below.
          const y = top - size * 1.1
          page.drawText(s.text, { x: MARGIN.left + s.x, y, size: s.size ?? size, font: s.font, color: s.color ?? INK })
        }
      },
    }
  }

  private space(points: number): Line {
    return { height: points, collapsible: true }
  }

  private rule(): Line {
    return { height: 0, draw: (page, top) => drawRule(page, top), collapsible: true }
  }
}
