import { createHash } from 'node:crypto'
import { sql, type Sql } from '../db/sql.server.ts'

/** One counter: a key, its fixed window, and the most hits and/or bytes it may reach in that window. */
export type Rule = { readonly key: string; readonly windowSeconds: number; readonly maxHits?: number; readonly maxBytes?: number }

/** A counter after this request was added to it. */
export type Counted = { key: string; hits: number; bytes: number; secondsLeft: number }

export type Verdict = { ok: true; counted: Counted[] } | { ok: false; retryAfterSeconds: number; counted: Counted[] }

/**
 * A key for whom is counted, never the value itself: a client address is personal data and stays out of the
 * table (and so out of backups and logs). 96 bits of SHA-256 keep keys short and collisions out of reach.
 */
export function limitKey(what: string, who: string): string {
  return `${what}:${createHash('sha256').update(who).digest('base64url').slice(0, 16)}`
}

/**
 * Adds `hits` and `bytes` to every rule's counter in its current fixed window, in one statement and one round
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
    returning key, hits, bytes::float8 as bytes, greatest(1, ceil(extract(epoch from window_end - now())))::int as "secondsLeft"`
}

/** Over a limit: wait until the last of the exceeded windows ends. */
export function judge(rules: readonly Rule[], counted: Counted[]): Verdict {
  const byKey = new Map(counted.map((c) => [c.key, c]))
  let wait = 0
  for (const rule of rules) {
    const c = byKey.get(rule.key)
    if (!c) continue
    const over = (rule.maxHits !== undefined && c.hits > rule.maxHits) || (rule.maxBytes !== undefined && c.bytes > rule.maxBytes)
    if (over) wait = Math.max(wait, c.secondsLeft)
  }
  return wait > 0 ? { ok: false, retryAfterSeconds: wait, counted } : { ok: true, counted }
}

/** Counts a request against its rules and says whether it may go ahead. */
export async function consume(rules: readonly Rule[], add: { hits: number; bytes: number }, db: Sql = sql()): Promise<Verdict> {
  return judge(rules, await countRules(rules, add, db))
}

/** Windows that have ended are of no use: the housekeeping job deletes them. */
export async function deleteEndedWindows(db: Sql = sql()): Promise<number> {
  const r = await db`delete from rate_limits where window_end <= now()`
  return r.count
}
