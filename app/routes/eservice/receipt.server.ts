import { data } from 'react-router'
import { REDACTED_FILE, summarise, t, type FileRef } from '../../../forms/kit/index.ts'
import { getSession } from '../../../services/auth/session.server.ts'
import { sql } from '../../../services/db/sql.server.ts'
import { citizenNotices } from '../../../services/cases/flag-notices.server.ts'
import { getCase } from '../../../services/cases/queries.server.ts'
import { municipality } from '../../../services/config/municipality.server.ts'
import { renderReceiptPdf } from '../../../services/pdf/receipt.server.ts'
import { getSignature } from '../../../services/signing/signatures.server.ts'
import { subCaseLines } from '../../../services/cases/sub-cases.server.ts'
import type { Locale, Sensitivity } from '../../../forms/kit/index.ts'

/**
 * A receipt is shown only to the browser session that sent the case; anyone else gets the same 404
 * as for a number that does not exist, so case numbers cannot be probed.
 */
export async function receiptCase(request: Request, formId: string, number: string) {
  const session = await getSession(request)
  const [row] = session
    ? await sql()<{ id: string }[]>`select id from cases where number = ${number} and form_id = ${formId}`
    : []
  if (!session || !row || !(session.data.receipts ?? []).includes(row.id)) throw data(null, { status: 404 })
  const c = await getCase(row.id)
  if (!c) throw data(null, { status: 404 })
  return c
}

/** What a receipt is made from: a case as staff or its applicant load it. */
type ReceiptCase = Pick<NonNullable<Awaited<ReturnType<typeof getCase>>>, 'id' | 'number' | 'definition' | 'answers' | 'receivedAt' | 'completeness'>

/** `redact`: for a staff reader whose role does not need the sensitive answers (services/cases/sensitive.ts). */
export async function receiptPdf(c: ReceiptCase, locale: Locale, redact: Sensitivity[] = []) {
  const m = municipality()
  const sections = summarise(c.definition, c.answers, locale, { redact }).map((s) => ({ title: s.title, rows: s.rows.map((r) => ({ label: r.label, value: r.value })) }))
  // A sensitive file hidden from this reader is listed as such, never by its name (ADR 018).
  const files = c.definition.pages.flatMap((p) => p.fields).filter((f) => f.kind === 'file').flatMap((f) =>
    ((c.answers[f.id] as FileRef[] | undefined) ?? []).map((file) =>
      f.sensitive && redact.includes(f.sensitive) ? { name: t(REDACTED_FILE, locale) } : { name: file.name, size: file.size }))
  // A signed application's receipt says who signed it and when (BankID, services/signing).
  const signature = await getSignature(c.id)
  return renderReceiptPdf({
    locale,
    municipality: { name: m.name, phone: m.contact.phone, address: m.contact.address },
    title: t(c.definition.title, locale),
    caseNumber: c.number,
    receivedAt: c.receivedAt,
    sections,
    attachments: files,
    // What happens next for a case an eligibility flag sends to a person (flags never reject).
    notices: citizenNotices(c.completeness, locale),
    ...(signature ? { signedBy: { name: signature.name, at: signature.signedAt } } : {}),
    subCases: await subCaseLines(sql(), c.id, locale),
  })
}

export function pdfResponse(bytes: Uint8Array, fileName: string) {
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  })
}
