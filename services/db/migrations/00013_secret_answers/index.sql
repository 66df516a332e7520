-- Secret answers (door codes) are stored as encrypted envelopes {"$enc": "v1", "kid", "iv", "ct", "tag"} in
-- cases.answers and drafts.answers (docs/decisions/019-secret-answers-encrypted.md). Rotating keys re-encrypts
-- envelopes in received cases, and encrypts door codes received before encryption, so the immutability trigger
-- lets an update put an envelope where there was a value or another envelope, and change nothing else.
-- PostgreSQL cannot see inside an envelope: that the value stays the same is the rotation code's promise.

-- True when `new_answers` equals `old_answers` except where it holds an envelope.
create function answers_same_outside_envelopes(old_answers jsonb, new_answers jsonb) returns boolean
language plpgsql immutable parallel safe as $$
begin
  if jsonb_typeof(new_answers) = 'object' and new_answers ? '$enc' then return true; end if;
  if jsonb_typeof(old_answers) is distinct from jsonb_typeof(new_answers) then return false; end if;
  case jsonb_typeof(new_answers)
    when 'object' then
      return (select array_agg(k order by k) from jsonb_object_keys(old_answers) as o(k)) is not distinct from
             (select array_agg(k order by k) from jsonb_object_keys(new_answers) as n(k))
         and not exists (select 1 from jsonb_each(new_answers) as n(k, v)
                         where not answers_same_outside_envelopes(old_answers -> k, v));
    when 'array' then
      return jsonb_array_length(old_answers) = jsonb_array_length(new_answers)
         and not exists (select 1 from generate_series(0, jsonb_array_length(new_answers) - 1) as i
                         where not answers_same_outside_envelopes(old_answers -> i, new_answers -> i));
    else
      return old_answers = new_answers;
  end case;
end $$;

create or replace function cases_immutable() returns trigger language plpgsql as $$
begin
  if (new.answers is distinct from old.answers and not answers_same_outside_envelopes(old.answers, new.answers))
     or new.definition is distinct from old.definition
     or new.number is distinct from old.number or new.received_at is distinct from old.received_at
     or new.form_id is distinct from old.form_id or new.form_version is distinct from old.form_version
     or new.parent_id is distinct from old.parent_id or new.fan_out_id is distinct from old.fan_out_id then
    raise exception 'a received case''s answers and definition cannot change';
  end if;
  return new;
end $$;
