import { sql } from '../db/sql.server.ts'

/**
 * The address the receipt e-mail was queued for with the case (in the receiving transaction, ADR 017), or
 * null when the citizen gave none and so no mail was queued. The receipt says so only when this is set.
 */
export async function receiptMailedTo(caseId: string): Promise<string | null> {
  const [mail] = await sql()<{ to: string }[]>`
    select payload->>'to' as to from outbox
    where case_id = ${caseId} and kind = 'email' and event_seq = 1 and payload->>'about' = 'received'
    order by id limit 1`
  return mail?.to ?? null
}
