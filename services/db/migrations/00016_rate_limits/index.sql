-- Abuse limits (issue 10): one counter row per key and fixed window, shared by every portal process and host.
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
-- Housekeeping deletes windows that have ended.
create index rate_limits_end_idx on rate_limits (window_end);
