-- Jobs once across hosts (ADR 027). Scheduled work and the e-mail sender run on graphile-worker, whose own
-- schema (graphile_worker) its runner creates and migrates on start; this migration adds what the portal's
-- side needs.

-- The outbox is claimed before sending and the claim committed, so no transaction is open while SMTP talks.
-- A claim moves next_at past the lease (a crashed sender's mails come due again by themselves) and marks the
-- row as being sent until then, for the outbox page.
alter table outbox add column sending_until timestamptz;

-- One row per run (and per retry) of a scheduled job: which schedule tick it served, when, and how it ended.
-- The jobs page shows each schedule's last run; the tests count runs per tick. Kept 30 days (retention clock).
create table job_runs (
  id bigint generated always as identity primary key,
  task text not null,
  tick timestamptz not null,
  attempt int not null,
  -- graphile-worker's id of the runner that took the job
  runner text,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  error text
);
create index job_runs_task_idx on job_runs (task, started_at desc);
create index job_runs_started_idx on job_runs (started_at);

-- Every writer of the outbox wakes the sender in its own transaction, visible to the runners only when the
-- mail is. Only when no wake-up is already waiting: adding a job writes one shared row and sends a NOTIFY,
-- and both would serialise the commits of concurrent receipts. A waiting job that a runner takes just before
-- this mail commits still sees it (the sender looks again for due mail before it ends). Before the job runner
-- has created its schema nothing could send anyway; its start-up run sends what waited.
create function wake_outbox_sender() returns void language plpgsql as $$
begin
  if to_regnamespace('graphile_worker') is null then return; end if;
  if exists (select 1 from graphile_worker.jobs where task_identifier = 'outbox' and locked_at is null and run_at <= now()) then return; end if;
  perform graphile_worker.add_job('outbox', job_key := 'outbox', job_key_mode := 'preserve_run_at');
end $$;
create function outbox_wake_sender() returns trigger language plpgsql as $$
begin
  perform wake_outbox_sender();
  return null;
end $$;
create trigger outbox_wake_sender after insert on outbox for each statement execute function outbox_wake_sender();
