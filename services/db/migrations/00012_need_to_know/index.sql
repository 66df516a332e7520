-- Need-to-know in search and a truthful audit log (ADR 018).
--
-- Search keeps two vectors per case. `search_vector` holds the applicant and every answer the case's definition
-- snapshot does not mark sensitive; anyone who may open the case may match it. `search_vector_sensitive` holds
-- every answer, sensitive ones included, and only for cases that have sensitive answers (null otherwise, so its
-- index stays small); only staff who may see the sensitive answers match it. Both are generated from the row
-- itself, so every writer (receipt, the one-statement receipt, sub-cases) fills them, and adding the columns
-- backfills every existing case.

-- The part of one group item that is (want_sensitive) or is not sensitive: `subs` are its sensitive sub-fields.
create function case_item_part(item jsonb, subs text[], want_sensitive boolean) returns jsonb
language sql immutable parallel safe as $$
  select case
    when jsonb_typeof(item) <> 'object' then case when want_sensitive then null else item end
    when want_sensitive then (select jsonb_object_agg(e.key, e.value) from jsonb_each(item) e where e.key = any (subs))
    else item - subs
  end
$$;

-- The answers a definition marks (want_sensitive) or does not mark sensitive. A field marked `sensitive` counts
-- whole; a group counts per sub-field (its items are an array or an object keyed by index). Answers the
-- definition does not name (helper checkboxes, old keys) are not sensitive.
create function case_answers_part(answers jsonb, definition jsonb, want_sensitive boolean) returns jsonb
language sql immutable parallel safe as $$
  with f as (
    select fd->>'id' as id,
           coalesce(fd->>'sensitive', '') <> '' as whole,
           coalesce((select array_agg(s->>'id') from jsonb_array_elements(
             case when fd->>'kind' = 'group' and jsonb_typeof(fd->'fields') = 'array' then fd->'fields' else '[]'::jsonb end) s
             where coalesce(s->>'sensitive', '') <> ''), '{}'::text[]) as subs
    from jsonb_array_elements(coalesce(definition->'pages', '[]'::jsonb)) p,
         jsonb_array_elements(coalesce(p->'fields', '[]'::jsonb)) fd
  )
  select coalesce(jsonb_object_agg(a.key, v.value) filter (where v.value is not null), '{}'::jsonb)
  from jsonb_each(case when jsonb_typeof(answers) = 'object' then answers else '{}'::jsonb end) a
  left join lateral (select * from f where f.id = a.key limit 1) f on true
  cross join lateral (select case
    when f.whole then case when want_sensitive then a.value end
    when cardinality(f.subs) > 0 then case jsonb_typeof(a.value)
      when 'array' then (select jsonb_agg(case_item_part(i, f.subs, want_sensitive)) from jsonb_array_elements(a.value) i)
      when 'object' then (select jsonb_object_agg(e.key, case_item_part(e.value, f.subs, want_sensitive)) from jsonb_each(a.value) e)
      else case when want_sensitive then null else a.value end
    end
    else case when want_sensitive then null else a.value end
  end as value) v
$$;

-- Every string and number as 'simple' tokens (no stemming: names, street names and numbers match as written).
create function case_tokens(doc jsonb) returns tsvector
language sql immutable parallel safe as $$
  select jsonb_to_tsvector('simple'::regconfig, doc, '["string", "numeric"]')
$$;

create function case_search_vector(answers jsonb, applicant jsonb, definition jsonb) returns tsvector
language sql immutable parallel safe as $$
  select case_tokens(case_answers_part(answers, definition, false) || jsonb_build_object('_applicant', coalesce(applicant, '{}'::jsonb)))
$$;

-- Everything, for the staff who may see sensitive answers: words typed together ("Svensson diabetes") match
-- although they sit in different answers. Null for a case without sensitive answers.
create function case_search_vector_sensitive(answers jsonb, applicant jsonb, definition jsonb) returns tsvector
language sql immutable parallel safe as $$
  select case when case_answers_part(answers, definition, true) = '{}'::jsonb then null
    else case_tokens(coalesce(answers, '{}'::jsonb) || jsonb_build_object('_applicant', coalesce(applicant, '{}'::jsonb))) end
$$;

-- One rewrite of the table for all three changes.
alter table cases
  drop column search_vector,
  add column search_vector tsvector generated always as (case_search_vector(answers, applicant, definition)) stored,
  add column search_vector_sensitive tsvector generated always as (case_search_vector_sensitive(answers, applicant, definition)) stored;
drop function case_search_vector(jsonb, jsonb);
create index cases_search_idx on cases using gin (search_vector);
create index cases_search_sensitive_idx on cases using gin (search_vector_sensitive);

-- The access log looks up searches and log lookups by what was searched for (a personnummer, a case number).
create index audit_log_query_idx on audit_log ((details->>'q'), at) where details ? 'q';

-- The planner's word statistics (search.server.ts asks for them) must know the new columns.
analyze cases;
