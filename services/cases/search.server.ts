import Personnummer from 'personnummer'
import type { Text } from '../../forms/kit/index.ts'
import { audit } from '../audit/audit.server.ts'
import type { StaffMember } from '../auth/teams.server.ts'
import { sql, type Sql, type Tx } from '../db/sql.server.ts'
import type { CaseStatus } from './state.ts'

export type SearchKind = 'number' | 'personnummer' | 'orgnr' | 'text'
export type SearchHit = {
  id: string; number: string; title: Text; receivedAt: Date; status: CaseStatus; applicantName: string | null; assignee: string | null
}

export const SEARCH_LIMIT = 50

const selectHits = (db: Sql | Tx) => db`
  select c.id, c.number, c.definition->'title' as title, c.received_at as "receivedAt", s.status,
         coalesce(c.applicant->>'name', c.answers->>'name') as "applicantName", a.name as assignee
  from cases c join case_state s on s.case_id = c.id left join staff a on a.id = s.assignee_id`
const CASE_NUMBER = /^([A-Za-z]{2,5})-(\d{4})-(\d{1,6})$/
const ORGNR = /^(\d{6})-?(\d{4})$/

/** What the staff member typed: a case number, a personnummer, an organisationsnummer, or words. */
export function classify(q: string): { kind: SearchKind; value: string } {
  const s = q.trim()
  const n = CASE_NUMBER.exec(s)
  if (n) return { kind: 'number', value: `${n[1]!.toUpperCase()}-${n[2]}-${n[3]!.padStart(6, '0')}` }
  const o = ORGNR.exec(s)
  // Digits 3–4 of an organisationsnummer are at least 20, so it never collides with a personnummer (docs/domain.md §6.3).
  if (o && Number(o[1]!.slice(2, 4)) >= 20) return { kind: 'orgnr', value: `${o[1]}-${o[2]}` }
  if (/^[\d+\- ]{10,13}$/.test(s) && Personnummer.valid(s.replace(/ /g, ''))) return { kind: 'personnummer', value: Personnummer.parse(s.replace(/ /g, '')).format(true) }
  return { kind: 'text', value: s.slice(0, 200) }
}

/**
 * Searches cases by number, personnummer, organisationsnummer or words in the answers and the applicant.
 * Words use the cases' stored 'simple' text vector with prefix matching ("svens" finds Svensson). Every
 * search is written to the audit log first; one by personnummer as such, since it says whom staff looked up.
 */
export async function searchCases(member: StaffMember, q: string): Promise<{ kind: SearchKind; hits: SearchHit[] }> {
  const { kind, value } = classify(q)
  await audit(member.id, kind === 'personnummer' ? 'search.personnummer' : 'search', { details: { kind, q: value } })
  const db = sql()
  if (kind === 'number') return { kind, hits: await db<SearchHit[]>`${selectHits(db)} where c.number = ${value}` }

  // The query's words are tokenised by PostgreSQL's own parser, as the stored vectors were, so
  // "19811218-9876" or "Bollmora allé 2" match as filed. The last word also matches as a prefix, as in a
  // search box ("anna svens" finds Anna Svensson); numbers only exactly, since 4:* would match every 4….
  const lexemes = async (text: string, prefix: boolean) => {
    const [row] = await db<{ q: string | null }[]>`
      with t as (select lexeme, positions[array_upper(positions, 1)] as pos from unnest(to_tsvector('simple', ${text})))
      select string_agg(quote_literal(lexeme) || case when ${prefix} and pos = (select max(pos) from t) and lexeme !~ '^[-0-9]+$'
        then ':*' else '' end, ' & ') as q
      from t`
    return row?.q ?? null
  }
  const tsquery =
    kind === 'personnummer' ? `'${value}' | (${(await lexemes(`${value.slice(0, 8)}-${value.slice(8)}`, false)) ?? `'${value}'`})`
    : kind === 'orgnr' ? `'${value.replace('-', '')}' | (${(await lexemes(value, false)) ?? `'${value.replace('-', '')}'`})`
    : await lexemes(value, true)
  if (!tsquery) return { kind, hits: [] }
  return { kind, hits: await newestMatching(tsquery) }
}

/** Up to this many matches are collected through the GIN index and sorted; more means a common word. */
const GIN_CAP = 3000
/** A query the planner's statistics already call this common is walked newest-first straight away. */
const COMMON_ROWS = 20_000

/**
 * The newest cases matching a text query, fast whether it matches five cases or half of them. Words in the
 * column statistics (category names, common surnames) are known to be common: walk the cases newest first
 * and stop at a page of matches. Otherwise collect the matches through the GIN index (bitmap scans only) up
 * to GIN_CAP and sort them; if there are more, fall back to the walk. The planner alone would guess: its
 * estimate for a prefix of an unknown word is a flat 0.5 % of the table.
 */
async function newestMatching(tsquery: string): Promise<SearchHit[]> {
  return sql().begin(async (tx): Promise<SearchHit[]> => {
    await tx`set local plan_cache_mode = force_custom_plan`
    const [estimate] = await tx<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[]>`
      explain (format json) select 1 from cases c where c.search_vector @@ to_tsquery('simple', ${tsquery})`
    if ((estimate?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0) > COMMON_ROWS) return walkNewest(tx, tsquery)
    await tx`set local enable_seqscan = off`
    await tx`set local enable_indexscan = off`
    const [found] = await tx<{ n: number; newest: string[] }[]>`
      with m as materialized (
        select c.id, c.received_at from cases c where c.search_vector @@ to_tsquery('simple', ${tsquery}) limit ${GIN_CAP + 1})
      select (select count(*)::int from m) as n, array(select id from m order by received_at desc, id desc limit ${SEARCH_LIMIT}) as newest`
    await tx`set local enable_indexscan = on`
    if (found!.n <= GIN_CAP) {
      if (found!.n === 0) return []
      return [...(await tx<SearchHit[]>`${selectHits(tx)} where c.id = any(${found!.newest}::uuid[]) order by c.received_at desc, c.id desc`)]
    }
    return walkNewest(tx, tsquery)
  })
}

/** Common words: walk the newest cases (the received_at index) and stop at a page of matches. */
async function walkNewest(tx: Tx, tsquery: string): Promise<SearchHit[]> {
  await tx`set local enable_seqscan = off`
  await tx`set local enable_indexscan = on`
  await tx`set local enable_bitmapscan = off`
  return [...(await tx<SearchHit[]>`${selectHits(tx)}
    where c.search_vector @@ to_tsquery('simple', ${tsquery})
    order by c.received_at desc, c.id desc
    limit ${SEARCH_LIMIT}`)]
}
