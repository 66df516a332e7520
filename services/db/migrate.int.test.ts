import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { migrate } from './migrate.server.ts'
import type { Sql } from './sql.server.ts'

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

describe('migrations', () => {
  it('build the schema from empty and are a no-op the second time', async () => {
    const tables = await db<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by 1`
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['cases', 'case_events', 'drafts', 'attachments', 'sessions', 'staff']))
    expect(await migrate(db)).toEqual([])
  })

  it('keep case events append-only', async () => {
    // A case, its first event and its state row belong together (migration 00003 checks it at commit).
    const c = await db.begin(async (tx) => {
      const [row] = await tx`insert into cases (number, idempotency_key, form_id, form_version, definition, answers)
        values ('X-1', gen_random_uuid(), 'f', 1, '{}', '{}') returning id`
      await tx`insert into case_events (case_id, seq, type) values (${row!.id}, 1, 'received')`
      await tx`insert into case_state (case_id, seq, status, number, received_at, form_id, channel, updated_at)
        values (${row!.id}, 1, 'new', 'X-1', now(), 'f', 'web', now())`
      return row
    })
    await expect(db`update case_events set type = 'x' where case_id = ${c!.id}`).rejects.toThrow(/append-only/)
    await expect(db`update cases set answers = '{"a":1}' where id = ${c!.id}`).rejects.toThrow(/cannot change/)
    await expect(db`update cases set team = 'teknik' where id = ${c!.id}`).resolves.toBeDefined()
  })
})
