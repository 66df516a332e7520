import { updateRegisterFrom } from '../associations/register.server.ts'
import type { Tx } from '../db/sql.server.ts'
import { enqueueCitizenMail } from '../mail/notify.server.ts'
import { caseBase, caseRowColumns, loadEvents, writeState, type CaseRow } from './projection.server.ts'
import { foldEvents } from './state.ts'
import { createSubCases } from './sub-cases.server.ts'

/**
 * What receiving a case starts, inside the receiving transaction: the case's first state row (so it is
 * in the queue the moment it exists), its sub-cases where the definition fans out (nyinflyttad), the
 * association register where an application carries one (föreningsbidrag), and the receipt e-mail where
 * the citizen gave an address (one, for the whole request).
 * Called last in that transaction, so any event written with the receipt is folded in too.
 */
export async function onReceived(tx: Tx, caseId: string): Promise<void> {
  const [c] = await tx<CaseRow[]>`select ${caseRowColumns(tx)} from cases c where c.id = ${caseId}`
  if (!c) throw new Error(`onReceived: no case ${caseId}`)
  const state = foldEvents(caseBase(c), await loadEvents(tx, caseId))
  await writeState(tx, c, state)
  await createSubCases(tx, c)
  await updateRegisterFrom(tx, c)
  await enqueueCitizenMail(tx, c, 'received', 1)
}
