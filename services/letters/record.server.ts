import type { CaseEvent, LetterKind } from '../cases/events.ts'
import type { CaseRow } from '../cases/projection.server.ts'
import type { Tx } from '../db/sql.server.ts'
import { postalRecipient } from './recipient.ts'

/**
 * In the appending transaction (afterEvent): a supplement request or decision sent as a letter gets its row on
 * the post list, with the recipient as the case names them now; a "letter sent" event takes it off.
 */
export async function recordLetter(tx: Tx, c: CaseRow, e: CaseEvent): Promise<void> {
  if ((e.type === 'supplement_requested' || e.type === 'decided') && e.data.delivery === 'letter') {
    const recipient = postalRecipient(c)
    // parseCommand offers a letter only where an address is known; a post without one never gets this far.
    if (!recipient) throw new Error(`case ${c.number} has no postal address for a letter`)
    const kind: LetterKind = e.type === 'decided' ? 'decision' : 'supplement'
    await tx`insert into postal_letters (case_id, event_seq, kind, recipient, created_at)
             values (${c.id}, ${e.seq}, ${kind}, ${tx.json(recipient)}, ${e.at})`
  }
  if (e.type === 'letter_sent') {
    const by = e.actor.kind === 'staff' ? e.actor.id : null
    await tx`update postal_letters set sent_at = ${e.at}, sent_by = ${by} where case_id = ${c.id} and event_seq = ${e.data.letterSeq}`
  }
}
