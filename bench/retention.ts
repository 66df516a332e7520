import { performance } from 'node:perf_hooks'
import { felanmalan } from '#forms/felanmalan/index.ts'
import { municipality } from '#services/config/municipality.server.ts'
import { sql } from '#services/db/sql.server.ts'
import { purgeDueCases } from '#services/retention/purge-cases.server.ts'
import { ruleRows } from '#services/retention/rules.ts'
import { benchDatabase, runOnBenchDatabase } from './database.ts'
import { benchEnv } from '#services/env.server.ts'

/**
 * `npm run bench:retention` (issue 10): seeds BENCH_CASES (100,000) felanmälan closed three years ago — every one
 * due under the profile's two-year rule — each with its events, state row and an outbox mail, every tenth with an
 * attachment and an audit row, plus as many open cases that must stay; then times one run of the purge. The
 * database is made afresh each run (the purge empties it). DATABASE_URL names a server (else embedded PostgreSQL).
 */
const CASES = benchEnv().BENCH_CASES ?? 100_000

async function seed(): Promise<void> {
  const started = performance.now()
  await sql().begin(async (tx) => {
    // Triggers are off for the load: the rows are consistent by construction (every case has its events and state).
    await tx`set local session_replication_role = replica`
    await tx`insert into staff (id, email, name, role, password_hash) values ('00000000-0000-4000-8000-000000000001', 'bench@bench.invalid', 'Bench', 'admin', 'x')`
    await tx`create temporary table seed on commit drop as
      select i, ('20000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid as id, i <= ${CASES}::int as due,
             now() - interval '3 years' - make_interval(secs => i) as at
      from generate_series(1, 2 * ${CASES}::int) i`
    await tx`insert into cases (id, number, idempotency_key, form_id, form_version, definition, answers, applicant, team, received_at)
      select id, 'FEL-2023-' || lpad(i::text, 7, '0'), gen_random_uuid(), 'felanmalan', 1, ${tx.json(felanmalan as never)},
             jsonb_build_object('category', 'klotter', 'description', 'Fel nummer ' || i, 'name', 'Anna Andersson', 'email', 'anna' || i || '@example.se'),
             jsonb_build_object('personnummer', '19811218' || lpad((i % 10000)::text, 4, '0'), 'name', 'Anna Andersson'), 'teknik', at
      from seed`
    await tx`insert into case_events (case_id, seq, type, actor, data, at)
      select id, 1, 'received', '{"kind":"citizen"}'::jsonb, '{"channel":"web"}'::jsonb, at from seed
      union all select id, 2, 'closed', '{"kind":"staff","name":"Bench"}'::jsonb, '{"outcome":"handled","comment":"Åtgärdat."}'::jsonb, at + interval '1 day' from seed where due`
    await tx`insert into case_state (case_id, seq, status, number, received_at, form_id, channel, closed_at, outcome, updated_at)
      select id, case when due then 2 else 1 end, case when due then 'closed' else 'new' end, 'FEL-2023-' || lpad(i::text, 7, '0'), at, 'felanmalan', 'web',
             case when due then at + interval '1 day' end, case when due then 'handled' end, at
      from seed`
    await tx`insert into outbox (kind, case_id, payload, sent_at) select 'email', id, '{"to":"anna@example.se"}', at from seed where due`
    await tx`insert into attachments (case_id, field_id, file_name, mime, size, sha256, bytes)
      select id, 'photos', 'bild.jpg', 'image/jpeg', 1000, 'x', decode(repeat('ff', 1000), 'hex') from seed where due and i % 10 = 0`
    await tx`insert into audit_log (staff_id, action, case_id, details)
      select '00000000-0000-4000-8000-000000000001', 'case.view', id, '{}' from seed where due and i % 10 = 0`
  })
  await sql()`vacuum analyze`
  console.info(`Seeded ${CASES.toLocaleString('sv-SE')} due and ${CASES.toLocaleString('sv-SE')} open cases in ${((performance.now() - started) / 1000).toFixed(0)} s.`)
}

runOnBenchDatabase(() => benchDatabase(`bench_retention_${CASES}`, { dir: '.data/pg-bench-retention', port: 54381, fresh: true }), async () => {
  await seed()
  const t0 = performance.now()
  const purged = await purgeDueCases(new Date(), ruleRows(municipality().retention))
  const seconds = (performance.now() - t0) / 1000
  const [left] = await sql()<{ cases: number; open: number }[]>`
    select count(*)::int as cases, count(*) filter (where cs.status = 'new')::int as open from cases c join case_state cs on cs.case_id = c.id`
  const [log] = await sql()<{ rows: number }[]>`select count(*)::int as rows from retention_log`
  console.info(`Purged ${purged.toLocaleString('sv-SE')} cases in ${seconds.toFixed(1)} s (${Math.round(purged / seconds).toLocaleString('sv-SE')} cases/s), ` +
    `${log!.rows} gallringslogg rows; ${left!.cases.toLocaleString('sv-SE')} cases left, ${left!.open.toLocaleString('sv-SE')} of them open.`)
  if (purged !== CASES || left!.cases !== CASES) throw new Error('the purge did not remove exactly the due cases')
})
