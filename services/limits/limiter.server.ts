import { createHash } from 'node:crypto'
import { sql, type Sql } from '../db/sql.server.ts'

/**
 * One counter: a key, its window, and the most hits and/or bytes it may reach in a window. Sliding (the
 * default) weighs the previous window by how much of it still overlaps the last `windowSeconds`, so a
 * burst across a window boundary is not let through twice; `fixed` counts calendar windows (a day's budget).
 */
export type Rule = {
  readonly key: string; readonly windowSeconds: number; readonly maxHits?: number; readonly maxBytes?: number; readonly fixed?: boolean
}

/** A counter after this request was added to it, with the previous window's totals. */
export type Counted = { key: string; hits: number; bytes: number; prevHits: number; prevBytes: number; secondsLeft: number }

export type Verdict = { ok: true; counted: Counted[] } | { ok: false; retryAfterSeconds: number; counted: Counted[] }

/**
 * A key for whom is counted, never the value itself: a client address is personal data and stays out of the
 * table (and so out of backups and logs). 96 bits of SHA-256 keep keys short and collisions out of reach.
 */
export function limitKey(what: string, who: string): string {
  return `${what}:${createHash('sha256').update(who).digest('base64url').slice(0, 16)}`
}

/**
 * Adds `hits` and `bytes` to every rule's counter in its current (epoch-aligned) window, in one statement and one round
 * trip (`insert … on conflict do update … returning`): concurrent requests on any process or host each see a
 * distinct running total, so no two can both slip under a limit. Keys go in sorted, so two statements lock
 * shared rows in the same order and never deadlock. Refused requests count too: hammering does not reset.
 */
export async function countRules(rules: readonly Rule[], add: { hits: number; bytes: number }, db: Sql = sql()): Promise<Counted[]> {
  if (!rules.length) return []
  const sorted = [...rules].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return db<Counted[]>`
    insert into rate_limits as r (key, window_start, window_end, hits, bytes)
    select k.key, w.start, w.start + make_interval(secs => k.secs), ${add.hits}::int, ${add.bytes}::bigint
    from unnest(${sorted.map((r) => r.key)}::text[], ${sorted.map((r) => r.windowSeconds)}::int[]) with ordinality as k(key, secs, n)
    cross join lateral (select to_timestamp(floor(extract(epoch from now()) / k.secs) * k.secs) as start) w
    order by k.n
    on conflict (key, window_start) do update set hits = r.hits + excluded.hits, bytes = r.bytes + excluded.bytes
    returning key, hits, bytes::float8 as bytes,
      coalesce((select p.hits from rate_limits p where p.key = r.key and p.window_start = r.window_start - (r.window_end - r.window_start)), 0) as "prevHits",
      coalesce((select p.bytes from rate_limits p where p.key = r.key and p.window_start = r.window_start - (r.window_end - r.window_start)), 0)::float8 as "prevBytes",
      greatest(0, extract(epoch from r.window_end - now()))::float8 as "secondsLeft"`
}

/**
 * Seconds until a counter is back within `max` if nothing more comes (0: within it now). The previous window
 * counts by the share of it still inside the sliding window, `secondsLeft / window`.
 */
export function secondsOver(rule: Rule, max: number, prev: number, current: number, secondsLeft: number): number {
  const window = rule.windowSeconds
  const weight = rule.fixed ? 0 : secondsLeft / window
  if (prev * weight + current <= max) return 0
  if (rule.fixed) return secondsLeft
  // Within this window the previous one must fade enough; otherwise this one must become the previous and fade.
  if (current <= max) return secondsLeft - (window * (max - current)) / prev
  return secondsLeft + window * (1 - max / current)
}

/** Over any limit: refused, with how long until all of them allow again (whole seconds, at least one). */
export function judge(rules: readonly Rule[], counted: Counted[]): Verdict {
  const byKey = new Map(counted.map((c) => [c.key, c]))
  let wait = 0
  for (const rule of rules) {
    const c = byKey.get(rule.key)
    if (!c) continue
    if (rule.maxHits !== undefined) wait = Math.max(wait, secondsOver(rule, rule.maxHits, c.prevHits, c.hits, c.secondsLeft))
    if (rule.maxBytes !== undefined) wait = Math.max(wait, secondsOver(rule, rule.maxBytes, c.prevBytes, c.bytes, c.secondsLeft))
  }
  return wait > 0 ? { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)), counted } : { ok: true, counted }
}

/** Counts a request against its rules and says whether it may go ahead. */
export async function consume(rules: readonly Rule[], add: { hits: number; bytes: number }, db: Sql = sql()): Promise<Verdict> {
  return judge(rules, await countRules(rules, add, db))
}

/** A window is of use until the one after it has ended too: then the housekeeping job deletes it. */
export async function deleteEndedWindows(db: Sql = sql()): Promise<number> {
  const r = await db`delete from rate_limits where window_end + (window_end - window_start) <= now()`
  return r.count
}
