import { secretFields, type Answers, type FormDefinition } from '#forms/kit/index.ts'
import { caseScope, draftScope, resealAnswers, sealAnswers } from '../cases/secret-answers.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { formById } from '../forms/registry.server.ts'
import { answerKeys } from './answer-keys.server.ts'
import type { Keyring } from './envelope.ts'

const BATCH = 500

type Pages = FormDefinition['pages']
type Row = { id: string; answers: Answers; pages: Pages | null }

/**
 * Brings every secret answer under the current key (`npm run keys:rotate`), in drafts and received cases:
 * envelopes under an older key are re-encrypted, and a secret answer still stored plain (saved before answers
 * were encrypted) is encrypted. Batch by batch, each row updated only if unchanged since read. Run it after
 * putting a new key first in ANSWER_KEYS; once it reports nothing left, the old key can leave ANSWER_KEYS.
 * Safe to run again, and while the portal runs.
 */
export async function rotateAnswerKeys(db: Sql, keys: Keyring = answerKeys()): Promise<{ drafts: number; cases: number }> {
  // Drafts are checked against their e-service as it is now, cases against the definition they were filed with.
  const draftForms = [...new Set((await db<{ form_id: string }[]>`select distinct form_id from drafts`).map((r) => r.form_id))]
    .filter((id) => { const def = formById(id); return def && hasSecrets(def.pages) })
  return {
    drafts: await rotateRows(db, 'drafts', draftScope, keys, (after) => db<(Row & { form_id: string })[]>`
      select id, answers, form_id, null as pages from drafts
      where id > ${after} and (answers::text like '%"$enc"%' or form_id = any(${draftForms}::text[])) order by id limit ${BATCH}`
      .then((rows) => rows.map((r) => ({ ...r, pages: formById(r.form_id)?.pages ?? null })))),
    cases: await rotateRows(db, 'cases', caseScope, keys, (after) => db<Row[]>`
      select id, answers, definition->'pages' as pages from cases
      where id > ${after} and (answers::text like '%"$enc"%' or definition::text like '%"sensitive": "code"%') order by id limit ${BATCH}`),
  }
}

const hasSecrets = (pages: Pages) => {
  const s = secretFields(pages)
  return s.fields.length > 0 || s.groups.length > 0
}

async function rotateRows(db: Sql, table: 'drafts' | 'cases', scope: (id: string) => string, keys: Keyring, batch: (after: string) => Promise<Row[]>) {
  let after = '00000000-0000-0000-0000-000000000000'
  let changed = 0
  for (;;) {
    const rows = await batch(after)
    for (const r of rows) {
      const sealed = r.pages ? sealAnswers({ pages: r.pages }, r.answers, scope(r.id), keys) : r.answers
      const again = resealAnswers(sealed, scope(r.id), keys) ?? (JSON.stringify(sealed) === JSON.stringify(r.answers) ? null : sealed)
      if (!again) continue
      const done = await db`update ${db(table)} set answers = ${db.json(again as never)} where id = ${r.id} and answers = ${db.json(r.answers as never)}`
      changed += done.count
    }
    if (rows.length < BATCH) return changed
    after = rows[rows.length - 1]!.id
  }
}
