-- Each received case keeps a snapshot of its form definition (cases.definition). The snapshot is copied from
-- this table inside PostgreSQL, so a send ships only the definition's hash instead of the whole definition
-- (tens of kilobytes per case, serialised and written to the socket each time). The cases keep their own copy,
-- so nothing that reads cases changes, and a row here is never needed to read a case.
create table form_definitions (
  hash text primary key,
  form_id text not null,
  version int not null,
  definition jsonb not null,
  first_used_at timestamptz not null default now()
);
