import { documentLocale, roleAnswers, t } from '#forms/kit/index.ts'
import { municipality } from '../config/municipality.server.ts'
import type { Tx } from '../db/sql.server.ts'
import { env } from '../env.server.ts'
import type { CaseEvent } from '../cases/events.ts'
import type { CaseRow } from '../cases/projection.server.ts'
import { renderMail, type MailKind } from './templates.ts'

/**
 * The citizen's e-mail address as they gave it: the answer in the definition's `email` role (ADR 040), else
 * one carried by the applicant's identity. Null when none is known — then the citizen follows the case on
 * Mina sidor or is contacted another way.
 */
export function citizenEmail(c: Pick<CaseRow, 'definition' | 'answers' | 'applicant'>): string | null {
  const fromAnswers = roleAnswers(c.definition, c.answers).email
  if (fromAnswers) return fromAnswers
  const fromIdentity = c.applicant?.email
  return typeof fromIdentity === 'string' && fromIdentity.includes('@') ? fromIdentity : null
}

export const publicUrl = () => env().PUBLIC_URL ?? `http://localhost:${env().PORT}`

/** Puts an e-mail for the citizen in the outbox, in the caller's transaction; nothing when no address is known. */
type MailExtra = { message?: string; dueDate?: string; decision?: 'approved' | 'denied'; primaryNumber?: string }

/** The outbox payload of a mail to the citizen about `c`, or null when no address is known. */
export function citizenMailPayload(c: CaseRow, kind: MailKind, extra: MailExtra = {}) {
  const to = citizenEmail(c)
  if (!to) return null
  const m = municipality()
  const mail = renderMail(kind, {
    locale: documentLocale(c.locale), municipality: { name: m.name, phone: m.contact.phone, email: m.contact.email },
    caseNumber: c.number, formTitle: t(c.definition.title, documentLocale(c.locale)), publicUrl: publicUrl(), ...extra,
  })
  return { to, subject: mail.subject, text: mail.text, about: kind }
}

export async function enqueueCitizenMail(tx: Tx, c: CaseRow, kind: MailKind, seq: number, extra: MailExtra = {}): Promise<boolean> {
  const payload = citizenMailPayload(c, kind, extra)
  if (!payload) return false
  await tx`insert into outbox (kind, case_id, event_seq, payload) values ('email', ${c.id}, ${seq}, ${tx.json(payload)})`
  return true
}

/** Which events the citizen is told about by e-mail (issue 5: receipt, supplement request, decision, closing). */
export async function notifyCitizen(tx: Tx, c: CaseRow, e: CaseEvent): Promise<void> {
  switch (e.type) {
    case 'supplement_requested':
      await enqueueCitizenMail(tx, c, 'supplement_requested', e.seq, { message: e.data.message, dueDate: e.data.dueDate })
      break
    case 'decided':
      await enqueueCitizenMail(tx, c, 'decided', e.seq, { decision: e.data.decision })
      break
    case 'closed':
      // A duplicate's reporter is told where their matter is handled instead (ADR 031).
      if (e.data.duplicateOf) await enqueueCitizenMail(tx, c, 'duplicate', e.seq, { primaryNumber: e.data.duplicateOf.number })
      else await enqueueCitizenMail(tx, c, 'closed', e.seq)
      break
    case 'message':
      if (e.data.direction === 'out') await enqueueCitizenMail(tx, c, 'message', e.seq, { message: e.data.text })
      break
  }
}
