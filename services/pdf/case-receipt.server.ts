import { afterReceipt, documentLocale, REDACTED_FILE, summarise, t, type FileRef, type Locale, type Sensitivity } from '#forms/kit/index.ts'
import { citizenNotices } from '../cases/flag-notices.server.ts'
import { answersShown } from '../cases/secret-answers.server.ts'
import type { getCase } from '../cases/queries.server.ts'
import { subCaseLines } from '../cases/sub-cases.server.ts'
import { sender } from '../config/municipality.server.ts'
import { sql } from '../db/sql.server.ts'
import { getSignature } from '../signing/signatures.server.ts'
import { receiptMailedTo } from '../mail/receipt-mail.server.ts'
import { renderReceiptPdf } from './receipt.server.ts'

/** What a receipt is made from: a case as staff or its applicant load it. */
type ReceiptCase = Pick<NonNullable<Awaited<ReturnType<typeof getCase>>>, 'id' | 'number' | 'definition' | 'answers' | 'receivedAt' | 'completeness'>

// A part with no value is left out of the receipt's input rather than passed as null: the receipt then says nothing of it.
const optional = <K extends string>(key: K, value: string | null) => (value ? { [key]: value } as Record<K, string> : {})

/** `redact`: for a staff reader whose role does not need the sensitive answers (services/cases/sensitive.ts). */
export async function receiptPdf(c: ReceiptCase, pageLocale: Locale, redact: Sensitivity[] = []) {
  const locale = documentLocale(pageLocale)
  const sections = summarise(c.definition, answersShown(c.answers, c.id, redact), locale, { redact }).map((s) => ({ title: s.title, rows: s.rows.map((r) => ({ label: r.label, value: r.value })) }))
  // A sensitive file hidden from this reader is listed as such, never by its name (ADR 018).
  const files = c.definition.pages.flatMap((p) => p.fields).filter((f) => f.kind === 'file').flatMap((f) =>
    ((c.answers[f.id] as FileRef[] | undefined) ?? []).map((file) =>
      f.sensitive && redact.includes(f.sensitive) ? { name: t(REDACTED_FILE, locale) } : { name: file.name, size: file.size }))
  // A signed application's receipt says who signed it and when (BankID, services/signing).
  const signature = await getSignature(c.id)
  return renderReceiptPdf({
    locale,
    municipality: sender(),
    title: t(c.definition.title, locale),
    caseNumber: c.number,
    receivedAt: c.receivedAt,
    sections,
    attachments: files,
    // What happens next for a case an eligibility flag sends to a person (flags never reject).
    notices: citizenNotices(c.completeness, locale),
    ...optional('next', afterReceipt(c.definition, locale)),
    ...optional('mailedTo', await receiptMailedTo(c.id)),
    ...(signature ? { signedBy: { name: signature.name, at: signature.signedAt } } : {}),
    subCases: await subCaseLines(sql(), c.id, locale),
  })
}
