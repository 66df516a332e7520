-- Kiosk computers (kunddatorer, issue 6) in the servicecenter and at the branch libraries, help requests from
-- them, and staff who belong to a location. Locations are ids from the municipality profile (config locations).

-- A browser that was enrolled as a kiosk. Its cookie holds a random token; only the SHA-256 is kept, so a
-- database dump cannot be turned into kiosk cookies. Revoked kiosks stay for the record.
create table kiosks (
  id uuid primary key default gen_random_uuid(),
  location text not null,
  name text not null,
  token_hash text not null unique,
  enrolled_at timestamptz not null default now(),
  enrolled_by uuid references staff (id),
  last_seen_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references staff (id)
);
create index kiosks_location_idx on kiosks (location, enrolled_at);

-- One-time codes an admin creates to enrol a kiosk. The code is shown once and stored only as a hash.
create table kiosk_enrolment_codes (
  code_hash text primary key,
  location text not null,
  kiosk_name text not null,
  created_by uuid not null references staff (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  kiosk_id uuid references kiosks (id)
);

-- "Få hjälp av personal": shown at once to staff of the kiosk's location (LISTEN/NOTIFY on help_requests).
create table help_requests (
  id uuid primary key default gen_random_uuid(),
  kiosk_id uuid not null references kiosks (id),
  location text not null,
  -- The page the visitor was on (path only, never a query string with personal data).
  path text not null,
  created_at timestamptz not null default now(),
  taken_at timestamptz,
  taken_by uuid references staff (id),
  done_at timestamptz,
  done_by uuid references staff (id)
);
create index help_requests_open_idx on help_requests (location, created_at) where done_at is null;
-- A kiosk asks once: pressing the button again while staff are on their way updates the open request.
create unique index help_requests_one_open_idx on help_requests (kiosk_id) where done_at is null;
create index help_requests_stats_idx on help_requests (location, created_at);

-- A library-card visitor's drafts stay with the card when the kiosk visit ends (the session and its cookie
-- go), and continue at the next login with that card, like issue 3's drafts per person.
alter table drafts add column owner_library_card text;
create index drafts_library_card_idx on drafts (owner_library_card) where owner_library_card is not null;

-- Where a staff member works: library staff at their branch; servicecenter staff default to the
-- servicecenter location when this is null.
alter table staff add column location text;

-- Branch-library staff get a role of their own. The role check is rebuilt from whatever roles it allows at
-- this point (other migrations may have added some), plus 'bibliotek', so this migration adds and never drops.
do $$
declare
  def text;
  roles text[];
begin
  select pg_get_constraintdef(oid) into def from pg_constraint
    where conrelid = 'staff'::regclass and conname = 'staff_role_check';
  if def is null then
    return;
  end if;
  select array_agg(t.m[1] order by t.n) into roles from regexp_matches(def, '''([a-z_]+)''', 'g') with ordinality as t(m, n);
  if not 'bibliotek' = any (roles) then
    roles := roles || 'bibliotek'::text;
  end if;
  alter table staff drop constraint staff_role_check;
  execute format('alter table staff add constraint staff_role_check check (role = any (%L::text[]))', roles);
end $$;
