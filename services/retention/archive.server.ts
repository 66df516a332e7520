import { createHash } from 'node:crypto'
import { zipSync, type Zippable } from 'fflate'
import { audit } from '../audit/audit.server.ts'
import { receiptPdf } from '../pdf/case-receipt.server.ts'
import { decisionLetter } from '../cases/decision-letter.server.ts'
import { getCase, UUID } from '../cases/queries.server.ts'
import { sql } from '../db/sql.server.ts'

/** A file name safe in every unzip tool: no folders, no control characters. */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|]|\p{Cc}/gu, '_').slice(0, 120) || 'fil'

/**
 * One case as an archive package (issue 10), the files under a folder named by the case number: the case's
 * PDF copy as filed (unredacted), the decision letter if there is one, every attachment as received and
 * metadata.json with the case's facts, its whole event log and a checksum per attachment.
 */
async function casePackage(caseId: string): Promise<{ number: string; files: Zippable } | null> {
  const c = await getCase(caseId)
  if (!c) return null
  const db = sql()
  const [state] = await db<{ status: string; outcome: string | null; closed_at: Date | null; decided_at: Date | null }[]>`
    select status, outcome, closed_at, decided_at from case_state where case_id = ${caseId}`
  const [row] = await db<{ applicant: unknown; parent: string | null }[]>`
    select c.applicant, p.number as parent from cases c left join cases p on p.id = c.parent_id where c.id = ${caseId}`
  const events = await db<{ seq: number; type: string; at: Date; actor: unknown; data: unknown }[]>`
    select seq, type, at, actor, data from case_events where case_id = ${caseId} order by seq`
  const attachments = await db<{ id: string; file_name: string; mime: string; size: number; sha256: string; bytes: Uint8Array }[]>`
    select id, file_name, mime, size, sha256, bytes from attachments where case_id = ${caseId} order by created_at, id`
  const files: Zippable = { 'arende.pdf': await receiptPdf(c, c.locale) }
  const letter = await decisionLetter(caseId)
  if (letter) files['beslut.pdf'] = letter.bytes
  const listed = attachments.map((a, i) => {
    const file = `bilagor/${String(i + 1).padStart(2, '0')}-${safeName(a.file_name)}`
    files[file] = a.bytes
    return { file, name: a.file_name, mime: a.mime, size: a.size, sha256: a.sha256 }
  })
  const metadata = {
    number: c.number, formId: c.formId, title: c.title.sv, receivedAt: c.receivedAt, channel: c.channel, locale: c.locale,
    team: c.team, department: c.department, parentCase: row?.parent ?? null, applicant: row?.applicant ?? null,
    status: state?.status ?? null, outcome: state?.outcome ?? null, decidedAt: state?.decided_at ?? null, closedAt: state?.closed_at ?? null,
    answers: c.answers, events, attachments: listed, exportedAt: new Date(),
  }
  files['metadata.json'] = new TextEncoder().encode(JSON.stringify(metadata, null, 2))
  return { number: c.number, files }
}

/**
 * A zip of the given cases' packages, each in its own folder, and the export recorded per case (which lets an
 * "archive first" case be deleted) and in the audit log, where the access log finds who took the whole case
 * out (ADR 018), whether one case from its page or many from the retention page. Cases that no longer exist
 * are left out; null when none is left.
 */
export async function exportArchive(caseIds: readonly string[], staffId: string): Promise<{ zip: Uint8Array; numbers: string[] } | null> {
  const packages = []
  for (const id of caseIds.filter((i) => UUID.test(i))) {
    const p = await casePackage(id)
    if (p) packages.push({ id, ...p })
  }
  if (!packages.length) return null
  const zip = zipSync(Object.fromEntries(packages.map((p) => [p.number, p.files])), { level: 6 })
  const sha256 = createHash('sha256').update(zip).digest('hex')
  await sql()`insert into case_archive_exports ${sql()(packages.map((p) => ({ case_id: p.id, number: p.number, exported_by: staffId, sha256 })))}`
  for (const p of packages) await audit(staffId, 'case.archive', { caseId: p.id })
  return { zip, numbers: packages.map((p) => p.number) }
}

export function zipResponse(zip: Uint8Array, fileName: string): Response {
  return new Response(Buffer.from(zip), {
    headers: { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'no-store' },
  })
}
