import type { PDFDocument } from 'pdf-lib'

export type XmpFields = {
  title: string
  author: string
  subject?: string
  /** BCP 47, as in the catalog's /Lang. */
  language: string
  creator: string
  producer: string
  createdAt: Date
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const alt = (text: string, language: string) =>
  `<rdf:Alt><rdf:li xml:lang="x-default">${escape(text)}</rdf:li><rdf:li xml:lang="${escape(language)}">${escape(text)}</rdf:li></rdf:Alt>`

// XMP dates drop the milliseconds the way the Info dictionary's dates do.
const isoDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')

/**
 * The XMP packet PDF/UA-1 asks for: dc:title (which DisplayDocTitle shows) and the pdfuaid:part 1 claim,
 * with the rest of the Info dictionary repeated so the two never disagree.
 */
export function xmpPacket(fields: XmpFields): string {
  const date = isoDate(fields.createdAt)
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title>${alt(fields.title, fields.language)}</dc:title>
<dc:creator><rdf:Seq><rdf:li>${escape(fields.author)}</rdf:li></rdf:Seq></dc:creator>
${fields.subject ? `<dc:description>${alt(fields.subject, fields.language)}</dc:description>\n` : ''}<dc:language><rdf:Bag><rdf:li>${escape(fields.language)}</rdf:li></rdf:Bag></dc:language>
<xmp:CreatorTool>${escape(fields.creator)}</xmp:CreatorTool>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
<pdf:Producer>${escape(fields.producer)}</pdf:Producer>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}

/** Sets the Info dictionary and the catalog's XMP metadata stream from the same fields. */
export function setMetadata(pdf: PDFDocument, fields: XmpFields): void {
  pdf.setTitle(fields.title, { showInWindowTitleBar: true })
  pdf.setAuthor(fields.author)
  if (fields.subject) pdf.setSubject(fields.subject)
  pdf.setLanguage(fields.language)
  pdf.setCreator(fields.creator)
  pdf.setProducer(fields.producer)
  pdf.setCreationDate(fields.createdAt)
  pdf.setModificationDate(fields.createdAt)
  // Uncompressed, as XMP is meant to be findable by tools that scan the file for the packet.
  const stream = pdf.context.stream(new TextEncoder().encode(xmpPacket(fields)), { Type: 'Metadata', Subtype: 'XML' })
  pdf.catalog.set(pdf.context.obj('Metadata'), pdf.context.register(stream))
}
