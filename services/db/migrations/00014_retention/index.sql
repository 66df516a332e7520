-- Retention (gallring) by the municipality's records plan (issue 10): the log of what was deleted, the record of
-- archive exports, and a way for the retention job alone past the append-only guards.
-- docs/decisions/020-retention.md explains the design; docs/retention.md lists every table's clock.

-- The append-only and immutability guards stay for every writer but the retention job, which marks its own
-- transaction with `set_config('app.retention', 'on', true)` (services/retention/). The triggers are rebuilt
-- with a WHEN clause so their functions (which other migrations may redefine) are left as they are.
drop trigger cases_immutable on cases;
create trigger cases_immutable before update on cases for each row
  when (current_setting('app.retention', true) is distinct from 'on') execute function cases_immutable();
drop trigger case_events_append_only on case_events;
create trigger case_events_append_only before update or delete on case_events for each row
  when (current_setting('app.retention', true) is distinct from 'on') execute function case_events_append_only();
drop trigger case_signatures_immutable on case_signatures;
create trigger case_signatures_immutable before update or delete on case_signatures for each row
  when (current_setting('app.retention', true) is distinct from 'on') execute function case_signatures_immutable();
drop trigger audit_log_append_only on audit_log;
create trigger audit_log_append_only before update or delete on audit_log for each row
  when (current_setting('app.retention', true) is distinct from 'on') execute function audit_log_append_only();
drop trigger association_history_append_only on association_history;
create trigger association_history_append_only before update or delete on association_history for each row
  when (current_setting('app.retention', true) is distinct from 'on') execute function association_history_append_only();

-- An association outlives the application that last changed it: the register keeps its own data when that
-- case is deleted (ADR 020).
alter table associations alter column updated_by_case drop not null;
alter table associations drop constraint associations_updated_by_case_fkey;
alter table associations add constraint associations_updated_by_case_fkey
  foreign key (updated_by_case) references cases (id) on delete set null;

-- The gallringslogg: kept for good (it holds case numbers, never a person). One row per rule per batch of
-- cases, or per clock run that deleted something (rule = the clock's name).
create table retention_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  rule text not null,
  -- The records-plan decision the rule rests on (dokumenthanteringsplan reference); null for a clock.
  decision text,
  action text not null check (action in ('delete', 'anonymise')),
  case_numbers text[] not null default '{}',
  -- What went, per kind: {"cases": 10, "attachments": 4, "events": 31, ...}
  counts jsonb not null
);
create index retention_log_at_idx on retention_log (at desc, id desc);
create function retention_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'retention_log is append-only';
end $$;
create trigger retention_log_append_only before update or delete on retention_log
  for each row execute function retention_log_append_only();

-- Archive packages made of a case (the staff case page or the bulk export). No foreign key: the record must
-- outlive the case, since it is what allowed an "archive first" case to be deleted.
create table case_archive_exports (
  id bigint generated always as identity primary key,
  case_id uuid not null,
  number text not null,
  exported_at timestamptz not null default now(),
  exported_by uuid references staff (id),
  sha256 text not null
);
create index case_archive_exports_case_idx on case_archive_exports (case_id);

-- The retention job looks up closed cases by form and closing time.
create index case_state_retention_idx on case_state (form_id, closed_at) where closed_at is not null;
-- Clocks: sessions past expiry, sent and failed mails, help requests, old audit details.
create index outbox_done_idx on outbox (coalesce(sent_at, failed_at)) where sent_at is not null or failed_at is not null;
create index help_requests_done_idx on help_requests (done_at) where done_at is not null;
create index audit_log_at_idx on audit_log (at) where details <> '{}'::jsonb;
-- Anonymised cases are skipped by the next run.
alter table case_state add column anonymised_at timestamptz;
