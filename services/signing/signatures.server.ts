import { sql, type Tx } from '../db/sql.server.ts'
import type { CompletionData } from '../bankid/types.ts'

export type CaseSignature = { personnummer: string; name: string; signedAt: Date; contentHash: string; visibleText: string }

/** Keeps BankID's proof with the case, in its receipt's statement: the signature XML, the OCSP response, what was shown and the hash. */
export function signatureCte(tx: Tx, input: {
  orderId: string
  orderRef: string
  completion: CompletionData
  visibleText: string
  nonVisibleData: string
  contentHash: string
}) {
  const { completion: c } = input
  return tx`sig as (
    insert into case_signatures (case_id, personnummer, name, signed_at, order_ref, visible_text, non_visible_data, content_hash,
      signature, ocsp_response, bankid_issue_date, device_ip)
    select c.id, ${c.user.personalNumber}, ${c.user.name},
      coalesce((select finished_at from bankid_orders where id = ${input.orderId}), now()), ${input.orderRef}, ${input.visibleText},
      ${input.nonVisibleData}, ${input.contentHash}, ${c.signature}, ${c.ocspResponse}, ${c.bankIdIssueDate ?? null}, ${c.device.ipAddress}
    from c)`
}

/** Who signed a case and when, for receipts and Mina sidor; null for a case that was not signed. */
export async function getSignature(caseId: string): Promise<CaseSignature | null> {
  const [row] = await sql()<CaseSignature[]>`
    select personnummer, name, signed_at as "signedAt", content_hash as "contentHash", visible_text as "visibleText"
    from case_signatures where case_id = ${caseId}`
  return row ?? null
}
