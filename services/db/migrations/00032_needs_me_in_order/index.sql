-- Mina at a million cases (issue 11, docs/performance.md, ADR 048). An expand: a column with its trigger, an index
-- and two functions replaced by result-identical ones; the previous release's queries and inserts work unchanged.

-- Mina took every case that needs the handler (their open and decided cases, and the ones with something unseen)
-- as an array, fetched each row and sorted them for one page of 25: about 1,400 rows a page for a handler at a
-- million cases. The page is now the first rows of two index walks in received order, merged: the assigned
-- cases through case_state_needs_me_idx (00022), the unseen ones through this index. A watcher row carries its
-- case's arrival for that; received_at never changes after receipt.
alter table case_watchers add column received_at timestamptz;

-- Every writer gets it from the case, the previous release's code included (its inserts do not name it).
create function case_watchers_received_at() returns trigger language plpgsql as $$
begin
  new.received_at := (select c.received_at from cases c where c.id = new.case_id);
  return new;
end $$;
create trigger case_watchers_received_at before insert on case_watchers
  for each row when (new.received_at is null) execute function case_watchers_received_at();

update case_watchers w set received_at = c.received_at from cases c where c.id = w.case_id and w.received_at is null;

create index case_watchers_pending_received_idx on case_watchers (staff_id, received_at, case_id) where pending_since is not null;

-- The cases' search columns (00012, 00030) walk the definition snapshot twice per inserted case to split the
-- answers into those marked sensitive and the rest. A definition none of whose fields or group sub-fields has a
-- "sensitive" key (felanmälan, nyinflyttad) marks nothing, and the split is then known without the walk: every
-- answer is plain (the answers object itself) and none is sensitive. A jsonpath test (in C) takes the place of
-- the walk; a definition with the key on any field, whatever its value, is split as before. Same vectors, about
-- a sixth of the time per case.
create or replace function case_search_vector(answers jsonb, applicant jsonb, definition jsonb) returns tsvector
language plpgsql immutable parallel safe set search_path from current as $$
begin
  return case_tokens(
    case when definition @? 'lax $.pages[*].fields[*] ? (exists(@.sensitive) || exists(@.fields[*].sensitive))' then case_answers_part(answers, definition, false)
         when jsonb_typeof(answers) = 'object' then answers else '{}'::jsonb end
    || jsonb_build_object('_applicant', coalesce(applicant, '{}'::jsonb)));
end
$$;

create or replace function case_search_vector_sensitive(answers jsonb, applicant jsonb, definition jsonb) returns tsvector
language plpgsql immutable parallel safe set search_path from current as $$
begin
  if not coalesce(definition @? 'lax $.pages[*].fields[*] ? (exists(@.sensitive) || exists(@.fields[*].sensitive))', false) then
    return null;
  end if;
  return case when case_answers_part(answers, definition, true) = '{}'::jsonb then null
    else case_tokens(coalesce(answers, '{}'::jsonb) || jsonb_build_object('_applicant', coalesce(applicant, '{}'::jsonb))) end;
end
$$;
