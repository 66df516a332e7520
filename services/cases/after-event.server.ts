import type { Tx } from '../db/sql.server.ts'
import { recordLetter } from '../letters/record.server.ts'
import { tellDuplicates } from './duplicates.server.ts'
import type { CaseEvent } from './events.ts'
import type { Who } from './guards.ts'
import { recordForWatchers } from './needs-me.server.ts'
import type { CaseRow } from './projection.server.ts'
import type { CaseState } from './state.ts'

/**
 * What every appended event also does in its transaction: who must see it, duplicates' reporters (ADR 031),
 * and the post list's letters (ADR 034).
 */
export async function afterEvent(tx: Tx, c: CaseRow, e: CaseEvent, who: Who, next: CaseState): Promise<void> {
  await recordForWatchers(tx, c.id, e, who, next.assignee?.id ?? null)
  await tellDuplicates(tx, c, e, next)
  await recordLetter(tx, c, e)
}
