-- Citizens identified with BankID (issue 3): sessions that carry a person, BankID orders bound to the
-- browser session that started them, drafts owned by a person, signatures kept with their case.

-- A citizen session holds who logged in. The person is not an account: only what BankID said at login.
alter table sessions drop constraint sessions_kind_check;
alter table sessions add constraint sessions_kind_check check (kind in ('visitor', 'citizen', 'staff'));
alter table sessions add column personnummer text, add column person_name text;
alter table sessions add constraint sessions_citizen_person check (kind <> 'citizen' or (personnummer is not null and person_name is not null));
-- "Log out everywhere" ends every session of one person.
create index sessions_person_idx on sessions (personnummer) where personnummer is not null;

-- Logging in gives the session a new token (no fixation) by rewriting its key: what hangs on the session
-- (drafts, BankID orders) must follow it.
alter table drafts drop constraint drafts_session_hash_fkey;
alter table drafts add constraint drafts_session_hash_fkey
  foreign key (session_hash) references sessions (token_hash) on delete cascade on update cascade;

-- A draft of an e-service that needs BankID belongs to the person, not only to the browser: it survives
-- logout and can be continued from Mina sidor on another device.
alter table drafts add column owner_personnummer text;
create index drafts_owner_idx on drafts (owner_personnummer, updated_at desc) where owner_personnummer is not null;

-- Mina sidor lists a person's cases.
create index cases_applicant_idx on cases ((applicant->>'personnummer'), received_at desc) where applicant is not null;

-- One row per BankID order (login or signature). The browser knows only `id`; BankID's orderRef and the
-- QR secret stay here. An order is answered only to the session (and browser) that started it.
create table bankid_orders (
  id uuid primary key default gen_random_uuid(),
  order_ref text not null unique,
  session_hash text not null references sessions (token_hash) on delete cascade on update cascade,
  -- SHA-256 of the browser's CSRF cookie: a session cookie copied into another browser is not enough.
  browser_hash text not null,
  purpose text not null check (purpose in ('login', 'sign')),
  flow text not null check (flow in ('autostart', 'qr')),
  auto_start_token text not null,
  qr_start_token text not null,
  qr_start_secret text,
  end_user_ip text not null,
  started_at timestamptz not null,
  -- Where a login continues (a path on this site).
  return_to text,
  -- Signing: what is signed, by whom, for which draft.
  draft_id uuid references drafts (id) on delete set null,
  form_id text,
  signer_personnummer text,
  visible_text text,
  non_visible_data text,
  content_hash text,
  -- The case a completed signature sent, so a late poll or reload finds the receipt.
  case_id uuid references cases (id),
  status text not null default 'pending' check (status in ('pending', 'complete', 'failed', 'cancelled', 'used')),
  hint_code text,
  error_code text,
  -- The first complete collect, kept: BankID answers a finished order only once.
  completion jsonb,
  last_collect_at timestamptz,
  -- While set and in the future, one request is collecting; others show the stored state.
  collecting_until timestamptz,
  finished_at timestamptz,
  check (purpose <> 'sign' or (form_id is not null and signer_personnummer is not null and visible_text is not null and content_hash is not null))
);
create index bankid_orders_session_idx on bankid_orders (session_hash, started_at desc);
-- Rate limits count recent starts per client address.
create index bankid_orders_ip_idx on bankid_orders (end_user_ip, started_at desc);

-- A BankID signature kept with the case it signs, so it can be validated later (arkivlagen; docs/domain.md §0, §8.5).
create table case_signatures (
  case_id uuid primary key references cases (id),
  personnummer text not null,
  name text not null,
  signed_at timestamptz not null,
  order_ref text not null,
  -- Exactly the text shown in the BankID app (before base64) and the hidden data carrying the content hash.
  visible_text text not null,
  non_visible_data text not null,
  content_hash text not null,
  -- As BankID returned them: base64 XMLDSig and base64 DER OCSP response.
  signature text not null,
  ocsp_response text not null,
  bankid_issue_date text,
  device_ip text
);

create function case_signatures_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'a case signature cannot change';
end $$;
create trigger case_signatures_immutable before update or delete on case_signatures
  for each row execute function case_signatures_immutable();
