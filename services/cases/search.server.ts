import Personnummer from 'personnummer'
import { answerRoles, type Text } from '#forms/kit/index.ts'
import { FORMS } from '#forms/registry.ts'
import { audit } from '../audit/audit.server.ts'
import type { StaffMember } from '../auth/teams.server.ts'
import { sql, type Sql, type Tx } from '../db/sql.server.ts'
import { toE164 } from '#forms/kit/kinds/phone-numbers.ts'
import type { CaseStatus } from './state.ts'

export type SearchKind = 'number' | 'personnummer' | 'orgnr' | 'phone' | 'text'
export type SearchHit = {
  id: string; number: string; title: Text; receivedAt: Date; status: CaseStatus; applicantName: string | null; assignee: string | null
}

export const SEARCH_LIMIT = 50

/**
 * Per form id, the question holding the applicant's name (the `applicantName` role, ADR 040). The current
 * definitions' roles serve every version's cases: a role's field keeps its id and meaning across versions, and
 * reading the snapshot's roles would unpack each hit's whole definition.
 */
const applicantNameFields: Record<string, string> = Object.fromEntries(FORMS.flatMap((f) => {
  const field = answerRoles(f).applicantName
  return typeof field === 'string' ? [[f.id, field]] : []
}))

const selectHits = (db: Sql | Tx) => db`
  select c.id, c.number, c.definition->'title' as title, c.received_at as "receivedAt", s.status,
         coalesce(c.applicant->>'name', c.answers->>(${db.json(applicantNameFields)}::jsonb->>c.form_id)) as "applicantName", a.name as assignee
  from cases c join case_state s on s.case_id = c.id left join staff a on a.id = s.assignee_id`
const CASE_NUMBER = /^([A-Za-z]{2,5})-(\d{4})-(\d{1,6})$/
const ORGNR = /^(\d{6})-?(\d{4})$/
/** Digits with the separators people write phone numbers with; at least seven digits. */
const PHONE_LIKE = /^\+?[\d\s()\-–]{7,20}$/

/** What the staff member typed: a case number, a personnummer, an organisationsnummer, or words. */
export function classify(q: string): { kind: SearchKind; value: string } {
  const s = q.trim()
  const n = CASE_NUMBER.exec(s)
  if (n) return { kind: 'number', value: `${n[1]!.toUpperCase()}-${n[2]}-${n[3]!.padStart(6, '0')}` }
  const o = ORGNR.exec(s)
  // Digits 3–4 of an organisationsnummer are at least 20, so it never collides with a personnummer (docs/domain.md §6.3).
  // Nor does it start with 0, as a phone number does (0734445566).
  if (o && Number(o[1]!.slice(2, 4)) >= 20 && !o[1]!.startsWith('0')) return { kind: 'orgnr', value: `${o[1]}-${o[2]}` }
  if (/^[\d+\- ]{10,13}$/.test(s) && Personnummer.valid(s.replace(/ /g, ''))) return { kind: 'personnummer', value: Personnummer.parse(s.replace(/ /g, '')).format(true) }
  // A phone number in any common format (070-444 55 66, 0704445566, +46 70 444 55 66), read as the form kit reads it.
  const phone = PHONE_LIKE.test(s) ? toE164(s) : null
  if (phone) return { kind: 'phone', value: phone }
  return { kind: 'text', value: s.slice(0, 200) }
}

/**
 * What a staff member's search may reach (ADR 018): only cases they may open (a förvaltning user only those
 * forwarded to their department, as `maySee`), and words in sensitive answers only on cases whose sensitive
 * answers they may see (as `redactionFor`: teamledare and admin on every case, a handläggare on their teams'
 * cases). `c` is cases and `s` its case_state. `gin` is the indexable part alone, for collecting candidates;
 * `exact` when it is the whole rule, so the newest candidates are already the newest hits.
 */
function scope(db: Sql | Tx, member: StaffMember, tsquery: string) {
  const q = db`to_tsquery('simple', ${tsquery})`
  const open = db`c.search_vector @@ ${q}`
  const all = db`(c.search_vector @@ ${q} or c.search_vector_sensitive @@ ${q})`
  if (member.role === 'forvaltning') return { gin: open, full: db`(${open} and s.forwarded_to = ${member.department ?? ''})`, exact: false }
  if (member.role === 'teamledare' || member.role === 'admin') return { gin: all, full: all, exact: true }
  if (member.role !== 'handlaggare') return { gin: db`false`, full: db`false`, exact: true }
  if (member.teams.length === 0) return { gin: open, full: open, exact: true }
  return { gin: all, full: db`(${open} or (c.search_vector_sensitive @@ ${q} and s.team = any(${member.teams}::text[])))`, exact: false }
}

/** Whether the member may open a case (`s` its case_state): the same rule as `maySee`, for lists of cases. */
export const mayOpen = (db: Sql | Tx, member: StaffMember) =>
  member.role === 'forvaltning' ? db`s.forwarded_to = ${member.department ?? ''}`
  : member.role === 'handlaggare' || member.role === 'teamledare' || member.role === 'admin' ? db`true` : db`false`

/**
 * Searches cases by number, personnummer, organisationsnummer or words in the answers and the applicant.
 * Words use the cases' stored 'simple' text vectors with prefix matching ("svens" finds Svensson). Every
 * search is written to the audit log first; one by personnummer as such, since it says whom staff looked up.
 * Hits are only cases the member may open, matched on sensitive answers only where they may see them.
 */
export async function searchCases(member: StaffMember, q: string): Promise<{ kind: SearchKind; hits: SearchHit[] }> {
  const { kind, value } = classify(q)
  await audit(member.id, kind === 'personnummer' ? 'search.personnummer' : 'search', { details: { kind, q: value } })
  const db = sql()
  if (kind === 'number') return { kind, hits: await db<SearchHit[]>`${selectHits(db)} where c.number = ${value} and ${mayOpen(db, member)}` }
  if (kind === 'phone') {
    const hits = await phoneHits(member, value)
    // Digits that make a valid phone number may still be something else filed as text (an invoice number).
    if (hits.length || q.trim().startsWith('+')) return { kind, hits }
    const words = await lexemes(db, q.trim(), false)
    return { kind: 'text', hits: words ? await newestMatching(member, words) : [] }
  }

  const tsquery =
    kind === 'personnummer' ? await personnummerQuery(value)
    : kind === 'orgnr' ? `'${value.replace('-', '')}' | (${(await lexemes(db, value, false)) ?? `'${value.replace('-', '')}'`})`
    : await lexemes(db, value, true)
  if (!tsquery) return { kind, hits: [] }
  const hits = await newestMatching(member, tsquery)
  // Ten digits can be both a personnummer and a phone number (0701234567): with no person found, try the phone.
  const phone = kind === 'personnummer' && hits.length === 0 ? toE164(q) : null
  return phone ? { kind: 'phone', hits: await phoneHits(member, phone) } : { kind, hits }
}

/** Cases with this phone number (E.164) in case_contacts, which holds only answers not marked sensitive: an index lookup. */
async function phoneHits(member: StaffMember, e164: string): Promise<SearchHit[]> {
  const db = sql()
  return [...(await db<SearchHit[]>`${selectHits(db)}
    where c.id in (select case_id from case_contacts where kind = 'phone' and value = ${e164}) and ${mayOpen(db, member)}
    order by c.received_at desc, c.id desc limit ${SEARCH_LIMIT}`)]
}

// The query's words are tokenised by PostgreSQL's own parser, as the stored vectors were, so
// "19811218-9876" or "Bollmora allé 2" match as filed. The last word also matches as a prefix, as in a
// search box ("anna svens" finds Anna Svensson); numbers only exactly, since 4:* would match every 4….
async function lexemes(db: Sql | Tx, text: string, prefix: boolean): Promise<string | null> {
  const [row] = await db<{ q: string | null }[]>`
    with t as (select lexeme, positions[array_upper(positions, 1)] as pos from unnest(to_tsvector('simple', ${text})))
    select string_agg(quote_literal(lexeme) || case when ${prefix} and pos = (select max(pos) from t) and lexeme !~ '^[-0-9]+$'
      then ':*' else '' end, ' & ') as q
    from t`
  return row?.q ?? null
}

/** A text query for a personnummer (12 digits) as it is stored and as it is typed with a hyphen. */
export async function personnummerQuery(value: string): Promise<string> {
  return `'${value}' | (${(await lexemes(sql(), `${value.slice(0, 8)}-${value.slice(8)}`, false)) ?? `'${value}'`})`
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
async function newestMatching(member: StaffMember, tsquery: string): Promise<SearchHit[]> {
  return sql().begin(async (tx): Promise<SearchHit[]> => {
    await tx`set local plan_cache_mode = force_custom_plan`
    const where = scope(tx, member, tsquery)
    const [estimate] = await tx<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[]>`
      explain (format json) select 1 from cases c where ${where.gin}`
    if ((estimate?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0) > COMMON_ROWS) return walkNewest(tx, where.full)
    await tx`set local enable_seqscan = off`
    await tx`set local enable_indexscan = off`
    // The candidates come from the GIN indexes alone; who may see which of them is decided on the few found.
    const [found] = await tx<{ n: number; ids: string[] }[]>`
      with m as materialized (select c.id, c.received_at from cases c where ${where.gin} limit ${GIN_CAP + 1})
      select (select count(*)::int from m) as n,
             array(select id from m order by received_at desc, id desc limit ${where.exact ? SEARCH_LIMIT : GIN_CAP + 1}) as ids`
    await tx`set local enable_indexscan = on`
    if (found!.n <= GIN_CAP) {
      if (found!.n === 0) return []
      return [...(await tx<SearchHit[]>`${selectHits(tx)} where c.id = any(${found!.ids}::uuid[]) and ${where.full}
        order by c.received_at desc, c.id desc limit ${SEARCH_LIMIT}`)]
    }
    return walkNewest(tx, where.full)
  })
}

/** Common words: walk the newest cases (the received_at index) and stop at a page of matches. */
async function walkNewest(tx: Tx, where: ReturnType<typeof scope>['full']): Promise<SearchHit[]> {
  await tx`set local enable_seqscan = off`
  await tx`set local enable_indexscan = on`
  await tx`set local enable_bitmapscan = off`
  return [...(await tx<SearchHit[]>`${selectHits(tx)}
    where ${where}
    order by c.received_at desc, c.id desc
    limit ${SEARCH_LIMIT}`)]
}
