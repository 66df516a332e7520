import {
  PDFDict,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  endMarkedContent,
  type PDFArray,
  type PDFDocument,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib'

// A tagged PDF (ISO 32000-1 §14.7–14.8, PDF/UA-1) in the few pieces pdf-lib leaves to us: a tree of structure
// elements, marked-content sequences (BDC … EMC with an MCID) tying each drawn text to its element, artifacts
// for what is only decoration, and the ParentTree that maps a page's MCIDs back to their elements. Reading
// order is the order elements get their first content, which the builder makes the order of its calls.

/** The standard structure types the documents use; no role map is needed for them. */
export type StructType = 'Document' | 'H1' | 'H2' | 'H3' | 'P' | 'Table' | 'TR' | 'TH' | 'TD' | 'L' | 'LI' | 'Lbl' | 'LBody'

/**
 * One structure element. It joins the tree only when it (or a descendant) gets content, so an element whose
 * text turned out empty leaves no empty tag behind, and siblings keep the order in which they were drawn.
 */
export class StructElement {
  private ref: PDFRef | undefined
  private page: PDFRef | undefined
  private readonly kids: PDFArray

  constructor(
    private readonly tree: StructureTree,
    readonly type: StructType,
    private readonly parent: StructElement | undefined,
    private readonly attributes?: Record<string, string>,
  ) {
    this.kids = tree.context.obj([])
  }

  /** A child element; nothing is written until something is drawn into it. */
  child(type: StructType, attributes?: Record<string, string>): StructElement {
    return new StructElement(this.tree, type, this, attributes)
  }

  /** Registers this element (and any ancestor not yet in the tree) and returns its reference. */
  attach(): PDFRef {
    if (this.ref) return this.ref
    const { context } = this.tree
    const parent = this.parent ? this.parent.attach() : this.tree.rootRef
    const dict = context.obj({ Type: 'StructElem', S: this.type, P: parent, K: this.kids })
    if (this.attributes) dict.set(PDFName.of('A'), context.obj({ ...this.attributes }))
    this.ref = context.register(dict)
    this.parent?.kids.push(this.ref)
    return this.ref
  }

  /** Adds one marked-content sequence of `page` as the next kid; the first page becomes the element's /Pg. */
  addContent(page: PDFRef, mcid: number): void {
    const ref = this.attach()
    const { context } = this.tree
    if (!this.page) {
      this.page = page
      context.lookup(ref, PDFDict).set(PDFName.of('Pg'), page)
    }
    // Content on a later page (a paragraph broken over a page) needs a reference that names its page.
    this.kids.push(page === this.page ? PDFNumber.of(mcid) : context.obj({ Type: 'MCR', Pg: page, MCID: mcid }))
  }
}

/** Content that is not part of the document's text: running headers and footers, page numbers, rules. */
export type Artifact = { artifact: 'Header' | 'Footer' | 'Layout' }
export const ARTIFACT = {
  header: { artifact: 'Header' },
  footer: { artifact: 'Footer' },
  layout: { artifact: 'Layout' },
} as const satisfies Record<string, Artifact>

/** What a piece of drawing belongs to. */
export type Tag = StructElement | Artifact

export class StructureTree {
  readonly rootRef: PDFRef
  readonly document: StructElement
  // Per page, in MCID order, the element each marked-content sequence belongs to.
  private readonly pages = new Map<PDFPage, PDFRef[]>()

  constructor(private readonly pdf: PDFDocument) {
    this.rootRef = pdf.context.nextRef()
    this.document = new StructElement(this, 'Document', undefined)
  }

  get context() {
    return this.pdf.context
  }

  /** Draws into `page` as content of `tag`: a marked-content sequence with an MCID, or an artifact. */
  mark(page: PDFPage, tag: Tag, draw: () => void): void {
    if ('artifact' in tag) {
      const properties =
        tag.artifact === 'Layout' ? { Type: 'Layout' } : { Type: 'Pagination', Subtype: tag.artifact }
      page.pushOperators(beginMarkedContent('Artifact', this.context.obj(properties)))
    } else {
      const parents = this.pages.get(page) ?? []
      this.pages.set(page, parents)
      const mcid = parents.length
      parents.push(tag.attach())
      tag.addContent(page.ref, mcid)
      page.pushOperators(beginMarkedContent(tag.type, this.context.obj({ MCID: mcid })))
    }
    draw()
    page.pushOperators(endMarkedContent())
  }

  /**
   * Writes the StructTreeRoot and ParentTree and marks the document as tagged. Call once, after the last
   * drawing and before saving.
   */
  finish(): void {
    const { context, catalog } = this.pdf
    this.document.attach()
    const nums: (number | PDFArray)[] = []
    this.pdf.getPages().forEach((page) => {
      const parents = this.pages.get(page)
      // Tab order follows the structure (PDF/UA asks for it on every page with annotations; harmless without).
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'))
      if (!parents) return
      const key = nums.length / 2
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(key))
      nums.push(key, context.obj(parents))
    })
    const parentTree = context.register(context.obj({ Nums: nums.map((n) => (typeof n === 'number' ? PDFNumber.of(n) : n)) }))
    const root = context.obj({
      Type: 'StructTreeRoot',
      K: context.obj([this.document.attach()]),
      ParentTree: parentTree,
      ParentTreeNextKey: nums.length / 2,
    })
    context.assign(this.rootRef, root)
    catalog.set(PDFName.of('StructTreeRoot'), this.rootRef)
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }))
  }
}

// pdf-lib has BMC but not BDC, the form that carries a property list (the MCID). Its operators take a
// dictionary operand only as text, which pdf-lib writes into the content stream as it is.
function beginMarkedContent(tag: string, properties: PDFDict): PDFOperator {
  return PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of(tag), properties.toString()])
}
