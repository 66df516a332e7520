-- Staff of the servicecenter and departments. Citizens are not stored as accounts: they identify
-- with BankID per session, and their cases carry the identity.
create table staff (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  role text not null check (role in ('handlaggare', 'teamledare', 'forvaltning', 'admin')),
  password_hash text not null,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);
create unique index staff_email_key on staff (lower(email));

-- Server-side sessions; the cookie carries a random token and only its SHA-256 is stored, so a
-- database dump cannot be replayed as cookies.
create table sessions (
  token_hash text primary key,
  kind text not null check (kind in ('visitor', 'staff')),
  staff_id uuid references staff (id) on delete cascade,
  data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_expires_idx on sessions (expires_at);

-- Answers saved page by page before sending; not yet an allmän handling.
create table drafts (
  id uuid primary key default gen_random_uuid(),
  session_hash text references sessions (token_hash) on delete cascade,
  form_id text not null,
  form_version int not null,
  answers jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index drafts_session_idx on drafts (session_hash, form_id);

create table cases (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  -- The draft the case was sent from: a replayed or double-clicked send finds the case instead of making a second.
  idempotency_key uuid not null unique,
  form_id text not null,
  form_version int not null,
  definition jsonb not null,
  answers jsonb not null,
  completeness jsonb not null default '{}',
  applicant jsonb,
  locale text not null default 'sv',
  channel text not null default 'web',
  location text,
  parent_id uuid references cases (id),
  team text,
  department text,
  received_at timestamptz not null default now()
);
create index cases_received_idx on cases (received_at desc, id desc);
create index cases_form_idx on cases (form_id, received_at desc);

-- Received answers are a public record as filed: nothing may rewrite them; later changes are events.
create function cases_immutable() returns trigger language plpgsql as $$
begin
  if new.answers is distinct from old.answers or new.definition is distinct from old.definition
     or new.number is distinct from old.number or new.received_at is distinct from old.received_at
     or new.form_id is distinct from old.form_id or new.form_version is distinct from old.form_version then
    raise exception 'a received case''s answers and definition cannot change';
  end if;
  return new;
end $$;
create trigger cases_immutable before update on cases for each row execute function cases_immutable();

create table case_events (
  case_id uuid not null references cases (id),
  seq int not null,
  type text not null,
  actor jsonb not null default '{}',
  data jsonb not null default '{}',
  at timestamptz not null default now(),
  primary key (case_id, seq)
);

create function case_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'case_events is append-only';
end $$;
create trigger case_events_append_only before update or delete on case_events
  for each row execute function case_events_append_only();

create table case_number_counters (
  prefix text not null,
  year int not null,
  last int not null,
  primary key (prefix, year)
);

create table attachments (
  id uuid primary key default gen_random_uuid(),
  draft_id uuid references drafts (id) on delete cascade,
  case_id uuid references cases (id),
  field_id text not null,
  file_name text not null,
  mime text not null,
  size int not null,
  sha256 text not null,
  metadata_removed text[] not null default '{}',
  bytes bytea not null,
  created_at timestamptz not null default now(),
  check (draft_id is not null or case_id is not null)
);
create index attachments_draft_idx on attachments (draft_id);
create index attachments_case_idx on attachments (case_id);

-- Failed logins per key (an e-mail, an IP), for slowing down guessing.
create table login_failures (
  key text not null,
  at timestamptz not null default now()
);
create index login_failures_key_idx on login_failures (key, at);
