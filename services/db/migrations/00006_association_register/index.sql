-- The register of associations (föreningsregistret, issue 4, docs/domain.md §3). An association is known by its
-- organisationsnummer; receiving a föreningsbidrag application updates its row and appends what changed to
-- its history, in the receiving transaction (services/associations/register.server.ts).

create table associations (
  -- NNNNNN-NNNC as forms/kit's orgnr kind normalises it.
  orgnr text primary key,
  name text not null,
  -- The register's fields as last filed, keyed by the form's field ids (forms/foreningsbidrag REGISTER_FIELDS).
  details jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_case uuid not null references cases (id)
);
-- Staff search by part of the name: a register of hundreds, not millions, so a scan of lower(name) is enough.
create index associations_name_idx on associations (lower(name));

-- Who changed what and when, one row per received application; `changes` holds {field: {from, to}}
-- (`from` absent when the association was new). Append-only, like the case log.
create table association_history (
  id bigint generated always as identity primary key,
  orgnr text not null references associations (orgnr),
  case_id uuid not null references cases (id),
  -- The person who filed (BankID name) and the role they said they act in (chair, treasurer, other).
  actor jsonb not null,
  changes jsonb not null,
  at timestamptz not null default now()
);
create index association_history_orgnr_idx on association_history (orgnr, at desc, id desc);
create unique index association_history_case_idx on association_history (case_id);

create function association_history_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'association_history is append-only';
end $$;
create trigger association_history_append_only before update or delete on association_history
  for each row execute function association_history_append_only();
