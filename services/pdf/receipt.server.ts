import { PdfDocumentBuilder, type KeyValueRow } from './document.server.ts'
import { formatDateTime, formatFileSize, type PdfLocale } from './format.ts'

export type PdfRow = { label: string; value: string }
export type PdfSection = { title?: string; rows: PdfRow[] }
export type ReceiptInput = {
  locale: PdfLocale
  municipality: { name: string; phone?: string; address?: string }
  /** E-service title, e.g. "Felanmälan". */
  title: string
  /** E.g. FEL-2026-000123. */
  caseNumber: string
  /** Shown in Europe/Stockholm time, formatted per locale. */
  receivedAt: Date
  /** The same rows the check-your-answers page shows. */
  sections: PdfSection[]
  /** Without a size: a file the reader may not open, listed by a neutral text instead of its name. */
  attachments: { name: string; size?: number }[]
  /** Who signed with BankID and when: the PDF ends with a signature line. */
  signedBy?: { name: string; at: Date }
  /** What happens next, beyond the usual: one paragraph per notice (an eligibility flag's citizen text). */
  notices?: string[]
  /** What happens next for this e-service, with its handling time (the definition's `afterReceipt`). */
  next?: string
  /** The address the receipt e-mail was queued for; left out when the citizen gave none. */
  mailedTo?: string
  /** The sub-cases a request fanned out to (nyinflyttad): each part's number, what it is and who handles it. */
  subCases?: { number: string; title: string; handledBy: string }[]
}

const TEXTS = {
  sv: {
    receipt: 'Kvitto',
    caseNumber: 'Ärendenummer',
    received: 'Mottaget',
    signedBy: 'Signerat av',
    next: 'Vad händer nu?',
    signature: 'Underskrift',
    signatureLine: (who: string, at: string) => `Underskriven med BankID av ${who}, ${at}.`,
    attachments: 'Bifogade filer',
    noAttachments: 'Inga bifogade filer',
    confirmation: (org: string, service: string) => `${org} har tagit emot ditt ärende ”${service}”.`,
    reference: 'Ange ärendenumret när du kontaktar oss om ärendet.',
    phone: (phone: string) => `Telefon ${phone}`,
    mailed: (email: string) => `Vi skickar också en bekräftelse med ärendenumret till ${email}.`,
    subCases: (n: number) => `Din beställning blev ${n} ärenden`,
    handledBy: 'handläggs av',
  },
  en: {
    receipt: 'Receipt',
    caseNumber: 'Case number',
    received: 'Received',
    signedBy: 'Signed by',
    next: 'What happens next?',
    signature: 'Signature',
    signatureLine: (who: string, at: string) => `Signed with BankID by ${who}, ${at}.`,
    attachments: 'Attachments',
    noAttachments: 'No attachments',
    confirmation: (org: string, service: string) => `${org} has received your case “${service}”.`,
    reference: 'Please quote the case number when you contact us about this case.',
    phone: (phone: string) => `Phone ${phone}`,
    mailed: (email: string) => `We are also sending a confirmation with the case number to ${email}.`,
    subCases: (n: number) => `Your request became ${n} cases`,
    handledBy: 'handled by',
  },
} satisfies Record<PdfLocale, unknown>

export async function renderReceiptPdf(input: ReceiptInput): Promise<Uint8Array> {
  const t = TEXTS[input.locale]
  const { name, address, phone } = input.municipality
  const doc = await PdfDocumentBuilder.create({
    locale: input.locale,
    author: name,
    title: `${t.receipt} – ${input.title} – ${input.caseNumber}`,
    subject: `${t.caseNumber} ${input.caseNumber}`,
    headerLines: [address, phone && t.phone(phone)].filter((line): line is string => Boolean(line)),
    footerNote: `${t.receipt} ${input.caseNumber}`,
    createdAt: input.receivedAt,
  })

  const facts: KeyValueRow[] = [
    { label: t.caseNumber, value: input.caseNumber },
    { label: t.received, value: formatDateTime(input.receivedAt, input.locale) },
  ]
  if (input.signedBy) {
    const { name: signer, at } = input.signedBy
    facts.push({ label: t.signedBy, value: `${signer}, ${formatDateTime(at, input.locale)}` })
  }
  doc.title(input.title, t.receipt).paragraph(t.confirmation(name, input.title)).keyValues(facts)
  if (input.notices?.length || input.next) {
    doc.heading(t.next)
    for (const notice of input.notices ?? []) doc.paragraph(notice)
    if (input.next) doc.paragraph(input.next)
  }
  if (input.mailedTo) doc.paragraph(t.mailed(input.mailedTo))
  if (input.subCases?.length) {
    doc.heading(t.subCases(input.subCases.length))
    doc.keyValues(input.subCases.map((s) => ({ label: s.number, value: `${s.title}, ${t.handledBy} ${s.handledBy}` })))
  }

  for (const section of input.sections) {
    if (section.title) doc.heading(section.title)
    else doc.spacer(14)
    doc.keyValues(section.rows)
  }

  doc.heading(t.attachments)
  if (input.attachments.length > 0) {
    doc.list(input.attachments.map((file) => (file.size === undefined ? file.name : `${file.name} (${formatFileSize(file.size, input.locale)})`)))
  } else {
    doc.paragraph(t.noAttachments)
  }

  if (input.signedBy) {
    doc.heading(t.signature).paragraph(t.signatureLine(input.signedBy.name, formatDateTime(input.signedBy.at, input.locale)))
  }

  doc.spacer(10).paragraph(t.reference, { muted: true })
  return doc.save()
}
