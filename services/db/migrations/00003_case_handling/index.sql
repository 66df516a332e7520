-- Case handling (issue 5): teams, the case_state projection of the event log, the audit log, the
-- e-mail outbox and search. docs/decisions/006-case-state-projection.md explains the projection.

-- Förvaltning users belong to one department (config departments[].id); servicecenter staff to teams.
alter table staff add column department text;
create table staff_teams (
  staff_id uuid not null references staff (id) on delete cascade,
  team text not null,
  primary key (staff_id, team)
);
create index staff_teams_team_idx on staff_teams (team);

-- The current state of each case, folded from case_events by services/cases/state.ts and written in the
-- same transaction as the event that changed it. Never edited on its own: it can be rebuilt from the log.
create table case_state (
  case_id uuid primary key references cases (id),
  seq int not null,
  status text not null check (status in ('new', 'in_progress', 'waiting', 'forwarded', 'decided', 'closed')),
  assignee_id uuid references staff (id),
  team text,
  forwarded_to text,
  accepted boolean not null default false,
  flags text[] not null default '{}',
  due_at timestamptz,
  -- Copied from cases so that every queue view is answered from this narrow table and its indexes,
  -- without touching the wide cases rows.
  number text not null,
  received_at timestamptz not null,
  form_id text not null,
  channel text not null,
  location text,
  first_action_at timestamptz,
  decided_at timestamptz,
  closed_at timestamptz,
  outcome text,
  was_forwarded boolean not null default false,
  supplement_count int not null default 0,
  updated_at timestamptz not null
);
-- One index per queue view and sort; keyset pagination walks them in order (received_at, case_id).
create index case_state_status_received_idx on case_state (status, received_at, case_id);
create index case_state_status_due_idx on case_state (status, due_at, case_id);
create index case_state_received_idx on case_state (received_at, case_id);
create index case_state_due_idx on case_state (due_at, case_id);
-- "Mine" is a handler's open cases; their closed ones (the many) stay out of the index.
create index case_state_mine_idx on case_state (assignee_id, received_at, case_id)
  where status in ('new', 'in_progress', 'waiting', 'forwarded');
-- "Late" is open and past due: found in this index alone (due_at is set only while open), then sorted.
create index case_state_late_idx on case_state (due_at) include (received_at, case_id)
  where status in ('new', 'in_progress', 'waiting', 'forwarded');
create index case_state_new_team_idx on case_state (team, received_at, case_id) where status = 'new';
create index case_state_department_idx on case_state (forwarded_to, received_at, case_id) where forwarded_to is not null;
create index case_state_closed_idx on case_state (closed_at) where closed_at is not null;

-- Existing cases have only their 'received' event: the reducer's initial state, written out in SQL once.
insert into case_state (case_id, seq, status, team, due_at, number, received_at, form_id, channel, location, updated_at)
select c.id, coalesce((select max(e.seq) from case_events e where e.case_id = c.id), 1), 'new', c.team,
       c.received_at + make_interval(days => coalesce((c.definition->>'handlingDays')::int, 10)),
       c.number, c.received_at, c.form_id, c.channel, c.location, now()
from cases c;

-- Every case gets its state in the transaction that receives it, and every event moves the state: a writer
-- that goes around services/cases/ fails at commit instead of leaving the queue silently wrong.
create function cases_have_state() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from case_state where case_id = new.id) then
    raise exception 'case % has no case_state row: receive cases through services/cases/receive.server.ts', new.number;
  end if;
  return null;
end $$;
create constraint trigger cases_have_state after insert on cases
  deferrable initially deferred for each row execute function cases_have_state();

create function case_events_move_state() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from case_state where case_id = new.case_id and seq >= new.seq) then
    raise exception 'event % of case % did not update case_state: append events through services/cases/append.server.ts', new.seq, new.case_id;
  end if;
  return null;
end $$;
create constraint trigger case_events_move_state after insert on case_events
  deferrable initially deferred for each row execute function case_events_move_state();

-- Who looked at or searched for what. Append-only, like the case log.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  staff_id uuid references staff (id),
  action text not null,
  case_id uuid references cases (id),
  details jsonb not null default '{}'
);
create index audit_log_case_idx on audit_log (case_id, at);
create index audit_log_staff_idx on audit_log (staff_id, at);
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_append_only();

-- E-mails to send, written in the transaction of the event they tell about; a worker sends them with
-- retries. A mail that cannot be sent stays here with its error: the event it tells about is never lost.
create table outbox (
  id bigint generated always as identity primary key,
  kind text not null,
  case_id uuid references cases (id),
  event_seq int,
  payload jsonb not null,
  attempts int not null default 0,
  next_at timestamptz not null default now(),
  sent_at timestamptz,
  failed_at timestamptz,
  last_error text,
  created_at timestamptz not null default now()
);
create index outbox_due_idx on outbox (next_at) where sent_at is null and failed_at is null;
create index outbox_case_idx on outbox (case_id);

-- Search over the answers as filed and the applicant: every string and number in them as 'simple' tokens
-- (no stemming: names, street names and numbers must match as written). Stored, since answers never change.
create function case_search_vector(answers jsonb, applicant jsonb) returns tsvector
language sql immutable parallel safe as $$
  select jsonb_to_tsvector('simple'::regconfig,
    coalesce(answers, '{}'::jsonb) || jsonb_build_object('_applicant', coalesce(applicant, '{}'::jsonb)), '["string", "numeric"]')
$$;
alter table cases add column search_vector tsvector generated always as (case_search_vector(answers, applicant)) stored;
create index cases_search_idx on cases using gin (search_vector);
