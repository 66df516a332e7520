import type { Tx } from '../db/sql.server.ts'
import { enqueueCitizenMail } from '../mail/notify.server.ts'
import { caseBase, loadEvents, writeState, type CaseRow } from './projection.server.ts'
import type { StoredEvent } from './events.ts'
import { foldEvents } from './state.ts'

/**
 * What receiving a case starts, inside the receiving transaction: the case's first state row (so it is
 * in the queue the moment it exists) and the receipt e-mail where the citizen gave an address.
 * Called last in that transaction, so any event written with the receipt is folded in too. `c` is the row as
 * just inserted and `events` its log when the caller knows it, so nothing needs reading back.
 */
export async function onReceived(tx: Tx, c: CaseRow, events?: StoredEvent[]): Promise<void> {
  const state = foldEvents(caseBase(c), events ?? (await loadEvents(tx, c.id)))
  await Promise.all([writeState(tx, c, state), enqueueCitizenMail(tx, c, 'received', 1)])
}
