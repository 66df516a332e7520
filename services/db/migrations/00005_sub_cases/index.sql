-- Sub-cases (issue 4, nyinflyttad): one received request fans out to a case per chosen service, each with its
-- own number, team, department, log and state, linked to the request by cases.parent_id (00001).
-- docs/decisions/012-sub-cases.md explains the design.

-- Which fan-out entry of the parent's definition a sub-case is; a case is a sub-case exactly when it has both.
alter table cases add column fan_out_id text;
alter table cases add constraint cases_sub_case_link check ((parent_id is null) = (fan_out_id is null));
-- At most one sub-case per entry: a second try to fan out the same request cannot make duplicates.
create unique index cases_sub_case_idx on cases (parent_id, fan_out_id) where parent_id is not null;

-- The link is part of the case as filed: it never changes after receipt, like the answers.
create or replace function cases_immutable() returns trigger language plpgsql as $$
begin
  if new.answers is distinct from old.answers or new.definition is distinct from old.definition
     or new.number is distinct from old.number or new.received_at is distinct from old.received_at
     or new.form_id is distinct from old.form_id or new.form_version is distinct from old.form_version
     or new.parent_id is distinct from old.parent_id or new.fan_out_id is distinct from old.fan_out_id then
    raise exception 'a received case''s answers and definition cannot change';
  end if;
  return new;
end $$;
