-- Letters to post (issue 11, docs/decisions/034-letters-by-post.md): a supplement request or a decision for a
-- citizen no e-mail reaches, waiting on the servicecenter's "Att skicka med post" list until staff print it and
-- mark it sent. One row per event that asked for a letter; the recipient's name and postal address are frozen
-- as they were when the letter was asked for, so the printed letter matches what staff saw on the case page.
create table postal_letters (
  case_id uuid not null references cases (id) on delete cascade,
  event_seq integer not null,
  kind text not null check (kind in ('supplement', 'decision')),
  recipient jsonb not null,
  created_at timestamptz not null default now(),
  printed_at timestamptz,
  printed_by uuid references staff (id) on delete set null,
  sent_at timestamptz,
  sent_by uuid references staff (id) on delete set null,
  primary key (case_id, event_seq)
);
-- The list shows what is not yet sent, oldest first.
create index postal_letters_pending_idx on postal_letters (created_at, case_id) where sent_at is null;
