import { PdfDocumentBuilder, type KeyValueRow } from './document.server.ts'

/** One thing in a section (a case, a draft, a login …): a bold line and its facts. */
export type ExtractPdfItem = { title: string; rows: KeyValueRow[]; list?: { heading: string; items: string[] } }
export type ExtractPdfSection = { heading: string; intro?: string; empty: string; items: ExtractPdfItem[] }

export type ExtractPdfInput = {
  municipality: { name: string; phone?: string; address?: string }
  title: string
  /** Who the extract is about and when it was made. */
  facts: KeyValueRow[]
  intro: string[]
  sections: ExtractPdfSection[]
  createdAt: Date
  /** On every page's footer, so a loose printed page is known for what it is. */
  footerNote: string
}

/**
 * A register extract as a readable Swedish PDF: a heading per section (cases, drafts, logins, kiosk visits,
 * e-mails, who opened the data …), each item's facts as label–value rows; an empty section says so rather
 * than being left out, so the reader sees it was looked for.
 */
export async function renderRegisterExtractPdf(input: ExtractPdfInput): Promise<Uint8Array> {
  const doc = await PdfDocumentBuilder.create({
    locale: 'sv',
    author: input.municipality.name,
    title: input.title,
    subject: input.title,
    headerLines: [input.municipality.address, input.municipality.phone ? `Telefon ${input.municipality.phone}` : undefined].filter((l): l is string => !!l),
    footerNote: input.footerNote,
    createdAt: input.createdAt,
  })
  doc.title(input.title)
  doc.keyValues(input.facts)
  for (const p of input.intro) doc.paragraph(p)
  for (const section of input.sections) {
    doc.heading(section.heading)
    if (section.intro) doc.paragraph(section.intro, { muted: true })
    if (section.items.length === 0) doc.paragraph(section.empty, { muted: true })
    for (const item of section.items) {
      doc.subheading(item.title)
      doc.keyValues(item.rows)
      if (item.list && item.list.items.length > 0) {
        doc.paragraph(item.list.heading)
        doc.list(item.list.items)
      }
      doc.spacer(6)
    }
  }
  return doc.save()
}
