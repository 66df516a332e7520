-- Contacts and standard replies (issue 11; docs/decisions/032-contacts-as-cases.md).

-- Standard replies (standardsvar): a team's texts for messages, supplement requests and decision reasons,
-- for one e-service or for all of them (form_id null), with placeholders the case page fills in
-- (services/templates/placeholders.ts). Kept by the team's leads; no personal data, so no retention clock.
create table reply_templates (
  id uuid primary key default gen_random_uuid(),
  team text not null,
  form_id text,
  kind text not null check (kind in ('message', 'supplement', 'decision')),
  title text not null check (length(title) between 1 and 200),
  body text not null check (length(body) between 1 and 4000),
  updated_by uuid references staff (id) on delete set null,
  updated_at timestamptz not null default now()
);
create index reply_templates_team_idx on reply_templates (team, kind, title);

-- A contact answered at first contact is closed, in the step that registered it, by an event saying so; the
-- statistics look for that event per case, in this small index instead of every case's log.
create index case_events_first_contact_idx on case_events (case_id)
  where type = 'closed' and data @> '{"atFirstContact": true}';
