import { PdfDocumentBuilder, type KeyValueRow } from './document.server.ts'
import { formatDateTime, type PdfLocale } from './format.ts'

export type DecisionLetterInput = {
  locale: PdfLocale
  municipality: { name: string; address: string; phone: string; email: string }
  formTitle: string
  caseNumber: string
  receivedAt: Date
  decidedAt: Date
  decidedBy: string
  applicant: { name?: string; personalNumber?: string } | null
  decision: 'approved' | 'denied'
  reasons: string
  appealable: boolean
}

const TEXTS = {
  sv: {
    kicker: 'Beslut',
    caseNumber: 'Ärendenummer',
    applicant: 'Sökande',
    received: 'Ansökan kom in',
    decided: 'Beslutsdatum',
    decision: 'Beslut',
    approved: (service: string) => `Din ansökan om ${service.toLowerCase()} beviljas.`,
    denied: (service: string) => `Din ansökan om ${service.toLowerCase()} avslås.`,
    reasons: 'Skäl för beslutet',
    decidedBy: (name: string, org: string) => `Beslutet har fattats av ${name}, servicecenter, ${org}, med stöd av delegation.`,
    appealHeading: 'Så överklagar du',
    appeal: (org: string, address: string, email: string) => [
      'Om du inte är nöjd med beslutet kan du överklaga det. Skriv till oss och tala om vilket beslut du överklagar (ange ärendenumret) och hur du vill att det ska ändras. Skriv också varför du tycker att beslutet ska ändras.',
      `Skicka överklagandet till ${org}, ${address}, eller med e-post till ${email}. Det måste ha kommit in till oss inom tre veckor från den dag du fick del av beslutet.`,
      'Om vi inte själva ändrar beslutet som du vill skickar vi överklagandet vidare till den myndighet som prövar det.',
    ],
    notAppealable: 'Beslutet kan inte överklagas.',
    questions: (phone: string) => `Har du frågor om beslutet? Ring servicecenter på ${phone} och ange ärendenumret.`,
    personalNumber: 'Personnummer',
  },
  en: {
    kicker: 'Decision',
    caseNumber: 'Case number',
    applicant: 'Applicant',
    received: 'Application received',
    decided: 'Date of decision',
    decision: 'Decision',
    approved: (service: string) => `Your application (${service}) is granted.`,
    denied: (service: string) => `Your application (${service}) is refused.`,
    reasons: 'Reasons for the decision',
    decidedBy: (name: string, org: string) => `The decision was made by ${name} at the service centre, ${org}, under delegated authority.`,
    appealHeading: 'How to appeal',
    appeal: (org: string, address: string, email: string) => [
      'If you are not satisfied with the decision you can appeal. Write to us saying which decision you appeal (quote the case number), how you want it changed and why.',
      `Send your appeal to ${org}, ${address}, or by e-mail to ${email}. It must reach us within three weeks of the day you were notified of the decision.`,
      'If we do not change the decision as you ask, we forward your appeal to the authority that will review it.',
    ],
    notAppealable: 'The decision cannot be appealed.',
    questions: (phone: string) => `Questions about the decision? Call the municipality’s service centre on ${phone} and quote the case number.`,
    personalNumber: 'Personal identity number',
  },
} as const

const formatPnr = (pn: string) => (/^\d{12}$/.test(pn) ? `${pn.slice(0, 8)}-${pn.slice(8)}` : pn)

/**
 * The decision letter: the municipality's header, what was decided and why (förvaltningslagen 32 §), and
 * how to appeal where the decision can be appealed (33 §). Rendered from the frozen inputs in the
 * 'decided' event, so the same letter comes out every time it is opened.
 */
export async function renderDecisionLetter(input: DecisionLetterInput): Promise<Uint8Array> {
  const t = TEXTS[input.locale]
  const m = input.municipality
  const doc = await PdfDocumentBuilder.create({
    locale: input.locale,
    author: m.name,
    title: `${t.kicker} – ${input.formTitle} – ${input.caseNumber}`,
    subject: `${t.caseNumber} ${input.caseNumber}`,
    headerLines: [m.address, m.phone, m.email],
    footerNote: `${t.kicker} ${input.caseNumber}`,
    createdAt: input.decidedAt,
  })
  const facts: KeyValueRow[] = [{ label: t.caseNumber, value: input.caseNumber }]
  if (input.applicant?.name) facts.push({ label: t.applicant, value: input.applicant.name })
  if (input.applicant?.personalNumber) facts.push({ label: t.personalNumber, value: formatPnr(input.applicant.personalNumber) })
  facts.push({ label: t.received, value: formatDateTime(input.receivedAt, input.locale) })
  facts.push({ label: t.decided, value: formatDateTime(input.decidedAt, input.locale) })

  doc.title(input.formTitle, t.kicker).keyValues(facts)
  doc.heading(t.decision).paragraph(input.decision === 'approved' ? t.approved(input.formTitle) : t.denied(input.formTitle))
  doc.heading(t.reasons).paragraph(input.reasons)
  doc.paragraph(t.decidedBy(input.decidedBy, m.name), { muted: true })
  if (input.appealable) {
    doc.heading(t.appealHeading)
    for (const p of t.appeal(m.name, m.address, m.email)) doc.paragraph(p)
  } else {
    doc.spacer(8).paragraph(t.notAppealable)
  }
  doc.spacer(10).paragraph(t.questions(m.phone), { muted: true })
  return doc.save()
}
