import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR, migrationNames } from './migrate.server.ts'
import { namesAny, reachOfStatement, reachedObjects, statements } from './migration-reach.ts'

const sqlOf = async (from: string, to: string) =>
  (await migrationNames()).filter((n) => n >= from && n < to).map((n) => readFileSync(join(MIGRATIONS_DIR, n, 'index.sql'), 'utf8')).join('\n')

describe('statements', () => {
  it('splits on semicolons outside quotes, comments and dollar-quoted bodies', () => {
    const sql = `-- a comment; not a statement
create function f() returns int language plpgsql as $body$ begin perform 1; return 2; end $body$;
insert into t values ('a;b', "x;y"); /* c; d */ select 1`
    expect(statements(sql)).toEqual([
      'create function f() returns int language plpgsql as $body$ begin perform 1; return 2; end $body$',
      `insert into t values ('a;b', "x;y")`,
      'select 1',
    ])
  })
})

describe('reachOfStatement', () => {
  it('finds nothing in what only adds', () => {
    expect(reachOfStatement('create table letters (id int references cases (id))')).toEqual([])
    expect(reachOfStatement('create index cases_mina_idx on cases (assigned_to, updated_at)')).toEqual([])
    expect(reachOfStatement("comment on table cases is 'x'")).toEqual([])
  })

  it('names what is altered, replaced, constrained, dropped or rewritten', () => {
    expect(reachOfStatement('alter table only public.cases add column x int')).toEqual(['cases'])
    expect(reachOfStatement('CREATE OR REPLACE FUNCTION case_tokens(a jsonb) returns text as $$ select 1 $$')).toEqual(['case_tokens'])
    expect(reachOfStatement('create unique index one_per_day on cases (day)')).toEqual(['one_per_day', 'cases'])
    expect(reachOfStatement('create trigger stamp before update of status on cases for each row execute function f()')).toEqual(['stamp', 'cases'])
    expect(reachOfStatement('drop view if exists "queue_rows"')).toEqual(['queue_rows'])
    expect(reachOfStatement('update staff set role = 1')).toEqual(['staff'])
  })

  it('does not guess at what it does not know', () => {
    expect(reachOfStatement('do $$ begin execute format(\'alter table %I\', \'cases\'); end $$')).toBeNull()
    expect(reachOfStatement('cluster cases using cases_pkey')).toBeNull()
  })
})

describe('reachedObjects', () => {
  const before = `
create table cases (id int, answers jsonb);
create function tokens(a jsonb) returns text language sql as $$ select a::text $$;
create function vector(a jsonb) returns tsvector language sql as $$ select to_tsvector(tokens(a)) $$;
alter table cases add column v tsvector generated always as (vector(answers)) stored;
create table notes (case_id int references cases (id), body text);
create function note_stamp() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger notes_stamp before insert on notes for each row execute function note_stamp();
create function unrelated() returns int language sql as $$ select 1 $$;`

  it('widens a changed function to its callers and to the table whose column calls it', () => {
    const reached = reachedObjects(before, 'create or replace function tokens(a jsonb) returns text language sql as $$ select 2 $$;')
    expect([...reached!].sort()).toEqual(['cases', 'tokens', 'vector'])
  })

  it('widens a changed trigger function to the table the trigger fires on, not to tables that merely reference it', () => {
    const reached = reachedObjects(before, 'create or replace function note_stamp() returns trigger language plpgsql as $$ begin return null; end $$;')
    expect([...reached!].sort()).toEqual(['note_stamp', 'notes', 'notes_stamp'])
    expect([...reachedObjects(before, 'alter table cases add column z int')!]).toEqual(['cases'])
    // A change to the table a trigger sits on does not change the trigger.
    expect([...reachedObjects(before, 'alter table notes add column z int')!]).toEqual(['notes'])
  })

  it('finds nothing for what is new in this release, even when it is altered again', () => {
    expect(reachedObjects(before, 'create table letters (id int); alter table letters add column x int; create index on cases (id);')!.size).toBe(0)
  })

  it('answers "everything" for a statement it cannot read', () => {
    expect(reachedObjects(before, 'do $$ begin end $$;')).toBeNull()
  })

  it('reads the real migrations: the search functions rewritten for the million-case queue reach the cases table', async () => {
    const reached = reachedObjects(await sqlOf('00000', '00030'), await sqlOf('00030', '00032'))
    expect(reached).not.toBeNull()
    expect(reached!.has('case_search_vector')).toBe(true)
    expect(reached!.has('case_search_vector_sensitive')).toBe(true)
    expect(reached!.has('cases')).toBe(true)
    // The post list's new table reaches nothing older.
    expect(reached!.has('postal_letters')).toBe(false)
  })
})

describe('namesAny', () => {
  it('matches whole names only', () => {
    const objects = new Set(['cases'])
    expect(namesAny('await sql`select * from cases where id = ${id}`', objects)).toBe(true)
    expect(namesAny('const caseSteps = 1; case_steps', objects)).toBe(false)
  })
})
