-- The data protection officer (dataskydd) gets a role of their own: they answer a citizen's request for their
-- data (register extract, GDPR art. 15) and read who opened whose data. The role check is rebuilt from the roles
-- it allows now, plus 'dataskydd', so this migration adds and never drops (as 00004 did for 'bibliotek').
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
  if not 'dataskydd' = any (roles) then
    roles := roles || 'dataskydd'::text;
  end if;
  alter table staff drop constraint staff_role_check;
  execute format('alter table staff add constraint staff_role_check check (role = any (%L::text[]))', roles);
end $$;
