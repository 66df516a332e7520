import { sql } from '../db/sql.server.ts'

/** How many failures per key within how many minutes before attempts are refused. */
export type FailureLimit = { readonly failures: number; readonly windowMinutes: number }

/**
 * Slowing down guessing, shared by every login-like check (staff passwords, library-card PINs, kiosk
 * enrolment codes): failures are rows in login_failures under a key such as `email:…`, `ip:…` or `card:…`,
 * kept in the database so that every portal process counts the same attempts.
 */
export async function tooManyFailures(keys: readonly string[], limit: FailureLimit): Promise<boolean> {
  const [recent] = await sql()<{ n: number }[]>`
    select count(*)::int as n from login_failures
    where key in ${sql()(keys as string[])} and at > now() - make_interval(mins => ${limit.windowMinutes}::int)
    group by key order by n desc limit 1`
  return (recent?.n ?? 0) >= limit.failures
}

export async function recordFailure(keys: readonly string[]): Promise<void> {
  await sql()`insert into login_failures (key) select unnest(${keys as string[]}::text[])`
}

/** A success forgets the failures of that key (not of a shared one such as the client address). */
export async function clearFailures(key: string): Promise<void> {
  await sql()`delete from login_failures where key = ${key}`
}
