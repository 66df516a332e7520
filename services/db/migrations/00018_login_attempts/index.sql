-- Login attempts counted per key and window (issue 10), replacing login_failures: one row per key whose counter
-- is raised in the same statement that decides whether an attempt may go ahead, so parallel attempts cannot
-- all pass a check made before any of them was counted. Keys are hashes (an account and an address, a card and
-- a kiosk), so no e-mail address, IP address or card number is stored. Expired rows are deleted by housekeeping.
create table login_attempts (
  key text primary key,
  attempts int not null check (attempts >= 0),
  expires_at timestamptz not null
);
create index login_attempts_expires_idx on login_attempts (expires_at);

drop table login_failures;
