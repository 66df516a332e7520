import { documentLocale, t, type FormDefinition } from '#forms/kit/index.ts'
import type { DecisionLetter, EventData } from '../cases/events.ts'
import type { Recipient } from '../letters/recipient.ts'
import { PdfDocumentBuilder } from './document.server.ts'
import { formatDate, formatDateTime, type PdfLocale } from './format.ts'
import { decisionContent, type Municipality } from './letter-content.ts'
import { drawBlocks, renderLetter } from './letter.server.ts'

export type DecisionLetterInput = {
  locale: PdfLocale
  municipality: Municipality
  formTitle: string
  matter?: { sv: string; en: string }
  legalGround?: { sv: string; en: string }
  appealRoute?: { sv: string; en: string }
  outcome?: { approved: { sv: string; en: string }; denied: { sv: string; en: string } }
  caseNumber: string
  receivedAt: Date
  decidedAt: Date
  decidedBy: string
  applicant: { name?: string; personalNumber?: string } | null
  decision: 'approved' | 'denied'
  reasons: string
  appealable: boolean
}

/** The definition's words for a decision letter (ADR 034), as the decision freezes them; what it lacks stays out. */
export function decisionWordsOf(def: Pick<FormDefinition, 'decision'>): Pick<DecisionLetter, 'matter' | 'legalGround' | 'appealRoute' | 'outcome'> {
  const d = def.decision
  return {
    ...(d?.matter ? { matter: d.matter } : {}),
    ...(d?.legalGround ? { legalGround: d.legalGround } : {}),
    ...(d?.appealRoute ? { appealRoute: d.appealRoute } : {}),
    ...(d?.outcome ? { outcome: d.outcome } : {}),
  }
}

/** The letter's inputs from a decision (made, or about to be made for a preview) and its case. */
export function decisionInputOf(d: EventData['decided'], c: { number: string; receivedAt: Date }, at: Date, by: string): DecisionLetterInput {
  const locale = documentLocale(d.letter.locale)
  return {
    locale, municipality: d.letter.municipality, formTitle: t(d.letter.formTitle, locale), matter: d.letter.matter,
    legalGround: d.letter.legalGround, appealRoute: d.letter.appealRoute, outcome: d.letter.outcome, caseNumber: c.number, receivedAt: c.receivedAt,
    decidedAt: at, decidedBy: by, applicant: d.letter.applicant, decision: d.decision, reasons: d.reasons, appealable: d.appealable,
  }
}

/** The letter's text (letter-content.ts), with the dates written out for its language. */
export const decisionLetterContent = (input: DecisionLetterInput) =>
  decisionContent({ ...input, receivedAt: formatDateTime(input.receivedAt, input.locale), decidedAt: formatDateTime(input.decidedAt, input.locale) })

/**
 * The decision letter. Rendered from the frozen inputs in the 'decided' event, so the same letter comes out
 * every time it is opened; with a `recipient` it is laid out for posting in a window envelope.
 */
export async function renderDecisionLetter(input: DecisionLetterInput, recipient?: Recipient): Promise<Uint8Array> {
  const content = decisionLetterContent(input)
  const m = input.municipality
  if (recipient) {
    return renderLetter({ content, municipality: m, recipient, caseNumber: input.caseNumber, date: formatDate(input.decidedAt, input.locale), createdAt: input.decidedAt })
  }
  const doc = await PdfDocumentBuilder.create({
    locale: input.locale,
    author: m.name,
    title: `${content.kicker} – ${input.formTitle} – ${input.caseNumber}`,
    subject: `${content.locale === 'sv' ? 'Ärendenummer' : 'Case number'} ${input.caseNumber}`,
    headerLines: [m.address, m.phone, m.email],
    footerNote: `${content.kicker} ${input.caseNumber}`,
    createdAt: input.decidedAt,
  })
  doc.title(content.title, content.kicker)
  drawBlocks(doc, content.blocks)
  return doc.save()
}
