-- Abuse limits (issue 10): one counter row per key and window, shared by every portal process and host; a
-- sliding limit also reads the key's previous window, so a window is kept until the next one has ended.
-- Keys name what is counted and a hash of whom (`send:addr:<hash>`, `upload:session:<hash>`, `upload:day`);
-- no client address is stored in the clear. Unlogged: the counters need no WAL, and losing them in a crash
-- only forgives a window early.
create unlogged table rate_limits (
  key text not null,
  window_start timestamptz not null,
  window_end timestamptz not null,
  hits integer not null default 0,
  bytes bigint not null default 0,
  primary key (key, window_start)
) with (fillfactor = 70);
