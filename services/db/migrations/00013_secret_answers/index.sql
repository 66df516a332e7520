-- Secret answers (door codes) are stored as encrypted envelopes {"$enc": "v1", "kid", "iv", "ct", "tag"} in
-- cases.answers and drafts.answers (docs/decisions/019-secret-answers-encrypted.md). Rotating keys re-encrypts
-- envelopes in received cases, so the immutability trigger lets an update change envelopes and nothing else.
-- PostgreSQL cannot see inside an envelope: that the value stays the same is the rotation code's promise.

-- The answers with every envelope replaced by one marker: equal for two versions that differ only in envelopes.
create function answers_outside_envelopes(v jsonb) returns jsonb language plpgsql immutable parallel safe as $$
begin
  case jsonb_typeof(v)
    when 'object' then
      if v ? '$enc' then return '"$enc"'::jsonb; end if;
      return coalesce((select jsonb_object_agg(k, answers_outside_envelopes(x)) from jsonb_each(v) as e(k, x)), '{}'::jsonb);
    when 'array' then
      return coalesce((select jsonb_agg(answers_outside_envelopes(x) order by i) from jsonb_array_elements(v) with ordinality as a(x, i)), '[]'::jsonb);
    else
      return v;
  end case;
end $$;

create or replace function cases_immutable() returns trigger language plpgsql as $$
begin
  if (new.answers is distinct from old.answers and answers_outside_envelopes(new.answers) is distinct from answers_outside_envelopes(old.answers))
     or new.definition is distinct from old.definition
     or new.number is distinct from old.number or new.received_at is distinct from old.received_at
     or new.form_id is distinct from old.form_id or new.form_version is distinct from old.form_version
     or new.parent_id is distinct from old.parent_id or new.fan_out_id is distinct from old.fan_out_id then
    raise exception 'a received case''s answers and definition cannot change';
  end if;
  return new;
end $$;
