-- The servicecenter at a million cases (issue 11, docs/performance.md): `npm run bench:queue`.

-- The cases' generated search columns (00012) call SQL functions that carry a search_path (00029). Such a
-- function is never inlined, and a nested SQL function is planned again on every call, so computing the two
-- columns took several milliseconds per inserted case. The same expressions in PL/pgSQL keep their plans for
-- the session: the columns come out identical, each receipt writes faster, and a bulk load is many times faster.
create or replace function case_search_vector(answers jsonb, applicant jsonb, definition jsonb) returns tsvector
language plpgsql immutable parallel safe set search_path from current as $$
begin
  return case_tokens(case_answers_part(answers, definition, false) || jsonb_build_object('_applicant', coalesce(applicant, '{}'::jsonb)));
end
$$;

create or replace function case_search_vector_sensitive(answers jsonb, applicant jsonb, definition jsonb) returns tsvector
language plpgsql immutable parallel safe set search_path from current as $$
begin
  return case when case_answers_part(answers, definition, true) = '{}'::jsonb then null
    else case_tokens(coalesce(answers, '{}'::jsonb) || jsonb_build_object('_applicant', coalesce(applicant, '{}'::jsonb))) end;
end
$$;
