import { updateRegisterFrom } from '../associations/register.server.ts'
import type { Tx } from '../db/sql.server.ts'
import { enqueueCitizenMail } from '../mail/notify.server.ts'
import { caseBase, loadEvents, writeState, type CaseRow } from './projection.server.ts'
import type { StoredEvent } from './events.ts'
import { foldEvents } from './state.ts'
import { createSubCases } from './sub-cases.server.ts'

/**
 * What receiving a case starts, inside the receiving transaction: the case's first state row (so it is
 * in the queue the moment it exists), its sub-cases where the definition fans out (nyinflyttad), the
 * association register where an application carries one (föreningsbidrag), and the receipt e-mail where
 * the citizen gave an address (one, for the whole request).
 * Called last in that transaction, so any event written with the receipt is folded in too. `c` is the row as
 * just inserted and `events` its log when the caller knows it, so nothing needs reading back.
 */
export async function onReceived(tx: Tx, c: CaseRow, events?: StoredEvent[]): Promise<void> {
  const state = foldEvents(caseBase(c), events ?? (await loadEvents(tx, c.id)))
  await Promise.all([writeState(tx, c, state), enqueueCitizenMail(tx, c, 'received', 1)])
  await createSubCases(tx, c)
  await updateRegisterFrom(tx, c)
}
