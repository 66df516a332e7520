-- Drafts (issue 4): kept 30 days from the last save, a reminder e-mail at 23 days, and a safe reopening
-- on a newer version of the e-service.

-- When the reminder for the current 30-day period was queued; a later save clears it (a new period).
alter table drafts add column reminded_at timestamptz;
-- The language the citizen filled in, for the reminder e-mail.
alter table drafts add column locale text not null default 'sv';
-- Per field id, a hash of the field's definition (kind, options, rules) as it was when the answers were
-- saved: on a newer version, answers to fields whose hash differs are asked again (forms/kit/fingerprint.ts).
alter table drafts add column fingerprints jsonb;

-- The housekeeping job: drafts that are due a reminder, and drafts past their expiry.
create index drafts_remind_idx on drafts (updated_at) where reminded_at is null;
create index drafts_expires_idx on drafts (expires_at);
