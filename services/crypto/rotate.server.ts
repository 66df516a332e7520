import type { Answers } from '../../forms/kit/index.ts'
import { caseScope, draftScope, resealAnswers } from '../cases/secret-answers.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { answerKeys } from './answer-keys.server.ts'
import type { Keyring } from './envelope.ts'

const BATCH = 500

/**
 * Re-encrypts every secret answer still under an older key with the current one (`npm run keys:rotate`),
 * in drafts and in received cases, batch by batch, each row in its own short update. Run it after putting
 * a new key first in ANSWER_KEYS; once it reports nothing left, the old key can leave ANSWER_KEYS. Safe to
 * run again, and while the portal runs: a row saved meanwhile is already under the current key.
 */
export async function rotateAnswerKeys(db: Sql, keys: Keyring = answerKeys()): Promise<{ drafts: number; cases: number }> {
  return {
    drafts: await rotateTable(db, 'drafts', draftScope, keys),
    cases: await rotateTable(db, 'cases', caseScope, keys),
  }
}

async function rotateTable(db: Sql, table: 'drafts' | 'cases', scope: (id: string) => string, keys: Keyring): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000'
  let changed = 0
  for (;;) {
    // Rows holding an envelope at all; resealAnswers says which are under an older key.
    const rows = await db<{ id: string; answers: Answers }[]>`
      select id, answers from ${db(table)} where id > ${after} and answers::text like '%"$enc"%' order by id limit ${BATCH}`
    for (const r of rows) {
      const again = resealAnswers(r.answers, scope(r.id), keys)
      if (!again) continue
      // Only if the row is as read: a draft saved in between keeps what its owner saved.
      const done = await db`update ${db(table)} set answers = ${db.json(again as never)} where id = ${r.id} and answers = ${db.json(r.answers as never)}`
      changed += done.count
    }
    if (rows.length < BATCH) return changed
    after = rows[rows.length - 1]!.id
  }
}
