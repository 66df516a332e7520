import { fill } from '#forms/kit/text.ts'
import type { PdfLocale } from './format.ts'

/**
 * What a letter says, apart from how it is laid out: the PDF (letter.server.ts, decision.server.ts) and the
 * staff's HTML preview of a decision render the same blocks, so the preview shows what will be sent. Pure and
 * client-safe.
 */
export type LetterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  | { kind: 'list'; items: string[] }

export type LetterContent = {
  locale: PdfLocale
  /** Small line above the title: what kind of letter it is. */
  kicker: string
  title: string
  blocks: LetterBlock[]
}

export type Municipality = { name: string; address: string; phone: string; email: string }
type Local = { sv: string; en: string }

export type DecisionContentInput = {
  locale: PdfLocale
  municipality: Municipality
  formTitle: string
  /** What was applied for, to complete "Din ansökan om … beviljas"; absent → the sentence names no matter. */
  matter?: Local
  legalGround?: Local
  appealRoute?: Local
  /** The definition's own decision sentence with `{matter}` (a request ordered, not applied for); absent → `outcome` below. */
  outcome?: { approved: Local; denied: Local }
  caseNumber: string
  receivedAt: string
  decidedAt: string
  decidedBy: string
  applicant: { name?: string; personalNumber?: string } | null
  decision: 'approved' | 'denied'
  reasons: string
  appealable: boolean
}

const DECISION = {
  sv: {
    kicker: 'Beslut',
    caseNumber: 'Ärendenummer',
    applicant: 'Sökande',
    personalNumber: 'Personnummer',
    received: 'Ansökan kom in',
    decided: 'Beslutsdatum',
    decision: 'Beslut',
    outcome: (approved: boolean, matter?: string) =>
      `Din ansökan${matter ? ` om ${matter}` : ''} ${approved ? 'beviljas' : 'avslås'}.`,
    reasons: 'Skäl för beslutet',
    legalGround: 'Vad beslutet grundar sig på',
    decidedBy: (name: string, org: string) => `Beslutet har fattats av ${name}, servicecenter, ${org}, med stöd av delegation.`,
    appealHeading: 'Så överklagar du',
    appeal: (org: string, address: string, email: string) => [
      'Om du inte är nöjd med beslutet kan du överklaga det. Skriv till oss och tala om vilket beslut du överklagar (ange ärendenumret) och hur du vill att det ska ändras. Skriv också varför du tycker att beslutet ska ändras.',
      `Skicka överklagandet till ${org}, ${address}, eller med e-post till ${email}. Det måste ha kommit in till oss inom tre veckor från den dag du fick del av beslutet.`,
      'Om vi inte själva ändrar beslutet som du vill skickar vi överklagandet vidare till den myndighet som prövar det.',
    ],
    notAppealableHeading: 'Kan beslutet överklagas?',
    notAppealable: 'Beslutet kan inte överklagas.',
    questions: (phone: string) => `Har du frågor om beslutet? Ring servicecenter på ${phone} och ange ärendenumret.`,
  },
  en: {
    kicker: 'Decision',
    caseNumber: 'Case number',
    applicant: 'Applicant',
    personalNumber: 'Personal identity number',
    received: 'Application received',
    decided: 'Date of decision',
    decision: 'Decision',
    outcome: (approved: boolean, matter?: string) =>
      `Your application${matter ? ` for ${matter}` : ''} is ${approved ? 'granted' : 'refused'}.`,
    reasons: 'Reasons for the decision',
    legalGround: 'What the decision rests on',
    decidedBy: (name: string, org: string) => `The decision was made by ${name} at the service centre, ${org}, under delegated authority.`,
    appealHeading: 'How to appeal',
    appeal: (org: string, address: string, email: string) => [
      'If you are not satisfied with the decision you can appeal. Write to us saying which decision you appeal (quote the case number), how you want it changed and why.',
      `Send your appeal to ${org}, ${address}, or by e-mail to ${email}. It must reach us within three weeks of the day you were notified of the decision.`,
      'If we do not change the decision as you ask, we forward your appeal to the authority that will review it.',
    ],
    notAppealableHeading: 'Can the decision be appealed?',
    notAppealable: 'The decision cannot be appealed.',
    questions: (phone: string) => `Questions about the decision? Call the municipality’s service centre on ${phone} and quote the case number.`,
  },
} as const

/** What was decided, in one sentence: the definition's own words where it has them, else "Din ansökan om … beviljas". */
function outcomeSentence(input: DecisionContentInput): string {
  const approved = input.decision === 'approved'
  const matter = input.matter?.[input.locale]
  const own = input.outcome?.[approved ? 'approved' : 'denied'][input.locale]
  if (own && matter) return fill(own, { matter })
  return DECISION[input.locale].outcome(approved, matter)
}

const formatPnr = (pn: string) => (/^\d{12}$/.test(pn) ? `${pn.slice(0, 8)}-${pn.slice(8)}` : pn)

/**
 * The decision letter's text: what was decided and why, on which rules (förvaltningslagen 32 §), and how to
 * appeal or why it cannot be appealed (33 §). The matter, the legal ground and the appeal route come from the
 * e-service's definition, frozen in the decision.
 */
export function decisionContent(input: DecisionContentInput): LetterContent {
  const t = DECISION[input.locale]
  const m = input.municipality
  const local = (v?: Local) => v?.[input.locale]
  const facts: { label: string; value: string }[] = [{ label: t.caseNumber, value: input.caseNumber }]
  if (input.applicant?.name) facts.push({ label: t.applicant, value: input.applicant.name })
  if (input.applicant?.personalNumber) facts.push({ label: t.personalNumber, value: formatPnr(input.applicant.personalNumber) })
  facts.push({ label: t.received, value: input.receivedAt }, { label: t.decided, value: input.decidedAt })

  const blocks: LetterBlock[] = [
    { kind: 'facts', rows: facts },
    { kind: 'heading', text: t.decision },
    { kind: 'paragraph', text: outcomeSentence(input) },
    { kind: 'heading', text: t.reasons },
    { kind: 'paragraph', text: input.reasons },
  ]
  const ground = local(input.legalGround)
  if (ground) blocks.push({ kind: 'heading', text: t.legalGround }, { kind: 'paragraph', text: ground })
  blocks.push({ kind: 'paragraph', text: t.decidedBy(input.decidedBy, m.name), muted: true })
  const route = local(input.appealRoute)
  if (input.appealable) {
    blocks.push({ kind: 'heading', text: t.appealHeading })
    for (const p of t.appeal(m.name, m.address, m.email)) blocks.push({ kind: 'paragraph', text: p })
    // The definition's route names who reviews the appeal.
    if (route) blocks.push({ kind: 'paragraph', text: route })
  } else {
    blocks.push({ kind: 'heading', text: t.notAppealableHeading }, { kind: 'paragraph', text: route ?? t.notAppealable })
  }
  blocks.push({ kind: 'paragraph', text: t.questions(m.phone), muted: true })
  return { locale: input.locale, kicker: t.kicker, title: input.formTitle, blocks }
}

export type SupplementContentInput = {
  locale: PdfLocale
  municipality: Municipality
  formTitle: string
  caseNumber: string
  items: string[]
  message: string
  /** Formatted for the letter's language. */
  dueDate: string
}

const SUPPLEMENT = {
  sv: {
    kicker: 'Begäran om komplettering',
    intro: (number: string) => `Vi behöver fler uppgifter för att kunna handlägga ditt ärende ${number}.`,
    missing: 'Det här saknas',
    message: 'Meddelande från handläggaren',
    due: (date: string) => `Skicka kompletteringen senast ${date}.`,
    how: (org: string, address: string, email: string, phone: string) =>
      `Du kan svara på Mina sidor om du har e-legitimation, skicka svaret med post till ${org}, ${address}, eller med e-post till ${email}. Ange ärendenumret. Har du frågor? Ring servicecenter på ${phone}.`,
    late: 'Om vi inte får kompletteringen i tid kan ärendet avgöras med de uppgifter vi har.',
  },
  en: {
    kicker: 'Request for more information',
    intro: (number: string) => `We need more information to be able to handle your case ${number}.`,
    missing: 'What is missing',
    message: 'Message from the case officer',
    due: (date: string) => `Send it to us by ${date} at the latest.`,
    how: (org: string, address: string, email: string, phone: string) =>
      `You can answer on My pages if you have an e-ID, send your answer by post to ${org}, ${address}, or by e-mail to ${email}. Quote the case number. Questions? Call the service centre on ${phone}.`,
    late: 'If we do not receive the information in time, the case may be decided on what we have.',
  },
} as const

/** A supplement request as a letter: what is missing, the handler's words, the last day and how to answer. */
export function supplementContent(input: SupplementContentInput): LetterContent {
  const t = SUPPLEMENT[input.locale]
  const m = input.municipality
  const blocks: LetterBlock[] = [{ kind: 'paragraph', text: t.intro(input.caseNumber) }]
  if (input.items.length) blocks.push({ kind: 'heading', text: t.missing }, { kind: 'list', items: input.items })
  blocks.push(
    { kind: 'heading', text: t.message }, { kind: 'paragraph', text: input.message },
    { kind: 'paragraph', text: t.due(input.dueDate) },
    { kind: 'paragraph', text: t.how(m.name, m.address, m.email, m.phone) },
    { kind: 'paragraph', text: t.late, muted: true },
  )
  return { locale: input.locale, kicker: t.kicker, title: input.formTitle, blocks }
}
