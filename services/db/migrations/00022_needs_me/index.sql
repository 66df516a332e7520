-- "Nothing missed" (issue 11, ADR 031): what needs a handler, a citizen's other cases, duplicates, phone search
-- and the team lead's daily digest.

-- Staff who have handled a case (appended an event to it, or held it when the citizen wrote), when they last
-- looked at or acted on it, and whether something happened since that they have not seen: a message from the
-- citizen, a supplement, a return from a department. Written in the transaction of the event; cleared when the
-- person opens the case. Only the pending rows are indexed, so "what needs me" stays small however long the
-- history.
create table case_watchers (
  staff_id uuid not null references staff (id) on delete cascade,
  case_id uuid not null references cases (id) on delete cascade,
  seen_at timestamptz not null,
  pending_since timestamptz,
  pending_kind text,
  primary key (staff_id, case_id)
);
create index case_watchers_case_idx on case_watchers (case_id);
create index case_watchers_pending_idx on case_watchers (staff_id, case_id) where pending_since is not null;

-- A handler's open cases and the decided ones they still have to close: one index for Mina and its counter.
create index case_state_needs_me_idx on case_state (assignee_id, received_at, case_id)
  where status in ('new', 'in_progress', 'waiting', 'forwarded', 'decided');

-- How a case reaches its citizen, normalised, so a citizen's other cases and a phone search are index lookups:
-- the applicant's personnummer, e-mail addresses (lower case), phone numbers (E.164, as the form kit stores
-- every phone answer after libphonenumber has read it) and street addresses (street in lower case and the
-- postcode's digits). Only answers the definition does not mark sensitive, as for the ordinary search vector.
create function case_contacts_of(answers jsonb, applicant jsonb, definition jsonb) returns table (kind text, value text)
language sql immutable parallel safe as $$
  with doc as (select case_answers_part(answers, definition, false) || jsonb_build_object('_applicant', coalesce(applicant, '{}'::jsonb)) as d),
  strings as (select v #>> '{}' as s from doc, jsonb_path_query(d, 'strict $.** ? (@.type() == "string")') v)
  select distinct kind, value from (
    select 'personnummer' as kind, applicant->>'personnummer' as value where applicant->>'personnummer' ~ '^\d{12}$'
    union all
    select 'email', lower(trim(s)) from strings where s ~ '^[^\s@]+@[^\s@]+\.[^\s@]+$' and length(s) <= 254
    union all
    select 'phone', s from strings where s ~ '^\+[1-9]\d{6,14}$'
    union all
    select 'address', lower(regexp_replace(trim(v->>'street'), '\s+', ' ', 'g')) || '|' || regexp_replace(v->>'postcode', '\D', '', 'g')
    from doc, jsonb_path_query(d, 'strict $.** ? (@.type() == "object" && exists(@.street) && exists(@.postcode))') v
    where coalesce(trim(v->>'street'), '') <> ''
  ) x where value is not null
$$;

create table case_contacts (
  case_id uuid not null references cases (id) on delete cascade,
  kind text not null check (kind in ('personnummer', 'email', 'phone', 'address')),
  value text not null,
  primary key (kind, value, case_id)
);
create index case_contacts_case_idx on case_contacts (case_id);

-- Every writer of cases (the one-statement receipt, the stepwise one, sub-cases, registration by staff) gets
-- the contacts from the row itself, as with the search vectors; answers never change after receipt.
create function cases_index_contacts() returns trigger language plpgsql as $$
begin
  insert into case_contacts (case_id, kind, value)
  select new.id, k.kind, k.value from case_contacts_of(new.answers, new.applicant, new.definition) k
  on conflict do nothing;
  return null;
end $$;
create trigger cases_index_contacts after insert on cases for each row execute function cases_index_contacts();

insert into case_contacts (case_id, kind, value)
select c.id, k.kind, k.value from cases c, case_contacts_of(c.answers, c.applicant, c.definition) k
where c.answers <> '{}'::jsonb or c.applicant is not null
on conflict do nothing;

-- A case closed as a duplicate names its primary in the closing event; the primary finds its duplicates here.
create index case_events_duplicate_of_idx on case_events ((data->'duplicateOf'->>'id')) where type = 'closed' and data ? 'duplicateOf';

-- One daily digest per team lead and day, whichever portal process gets there first.
create table digests_sent (
  staff_id uuid not null references staff (id) on delete cascade,
  day date not null,
  primary key (staff_id, day)
);
