import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHECKED_AFTER, contractions, declaresContraction } from './expand-contract.ts'
import { MIGRATIONS_DIR, migrationNames } from './migrate.server.ts'

describe('migrations in a rolling deploy (ADR 028)', () => {
  it('only expand the schema, unless a migration of its own declares a contraction', async () => {
    const offending = (await migrationNames())
      .filter((name) => name.slice(0, 5) > CHECKED_AFTER)
      .map((name) => ({ name, sql: readFileSync(`${MIGRATIONS_DIR}/${name}/index.sql`, 'utf8') }))
      .filter((m) => !declaresContraction(m.sql))
      .map((m) => ({ name: m.name, contractions: contractions(m.sql) }))
      .filter((m) => m.contractions.length)
    expect(offending).toEqual([])
  })

  it('finds what would break the previous release’s queries', () => {
    expect(contractions('alter table staff drop column department;')).toHaveLength(1)
    expect(contractions('DROP TABLE login_failures')).toEqual(['drops a table: DROP TABLE login_failures'])
    expect(contractions('alter table cases rename column team to team_id')).toHaveLength(1)
    expect(contractions('alter table kiosks rename to terminals')).toHaveLength(1)
    expect(contractions('alter table drafts alter column locale type varchar(5)')).toHaveLength(1)
    expect(contractions('alter table drafts alter column locale set not null')).toHaveLength(1)
    expect(contractions('alter table drafts add column kind text not null')).toEqual([
      'adds NOT NULL column kind without a default: alter table drafts add column kind text not null',
    ])
    expect(contractions('alter table a add column b int, add column c text not null')).toHaveLength(1)
    // Written before the rule, this one dropped a table the previous release still wrote to.
    expect(contractions(readFileSync(`${MIGRATIONS_DIR}/00018_login_attempts/index.sql`, 'utf8'))).toEqual([
      expect.stringMatching(/^drops a table: drop table login_failures/),
    ])
  })

  it('lets expansions through: new tables, nullable or defaulted columns, indexes, widened checks', () => {
    const expand = `
      create table notes (id bigint generated always as identity primary key, body text not null);
      alter table drafts add column reminded_at timestamptz, add column locale text not null default 'sv';
      alter table cases add column v tsvector generated always as (to_tsvector('simple', number)) stored;
      create index notes_idx on notes (id);
      drop index if exists old_idx;
      alter table staff drop constraint staff_role_check;
      alter table staff add constraint staff_role_check check (role in ('a', 'b')) not valid;
      -- drop table notes; (a comment is not a statement)
      create function f() returns trigger language plpgsql as $$ begin drop table x; return null; end $$;`
    expect(contractions(expand)).toEqual([])
    expect(declaresContraction('-- contract: release 12 stopped reading login_failures\ndrop table login_failures;')).toBe(true)
    expect(declaresContraction('drop table login_failures; -- contract: no')).toBe(false)
  })
})
