import { randomUUID } from 'node:crypto'
import { fanOut, t, type Answers, type FanOutDef, type FormDefinition, type Locale, type SubCase, type Text } from '#forms/kit/index.ts'
import { municipality } from '../config/municipality.server.ts'
import type { Sql, Tx } from '../db/sql.server.ts'
import type { StoredEvent } from './events.ts'
import type { CaseRow } from './projection.server.ts'
import type { ReceiptWrite } from './receipt-writes.server.ts'
import { caseScope, openAnswers, sealAnswers } from './secret-answers.server.ts'
import type { CaseStatus } from './state.ts'

/**
 * What a sub-case is filed with: the parent's definition cut to the pages its team needs (so the staff
 * view, PDF and search show only those answers), titled "<service>: <entry>", and never fanning out again.
 * Its decision letter names the entry's own matter ("ett lånekort") where the entry gives one.
 */
export function subCaseDefinition(parent: FormDefinition, sub: SubCase): FormDefinition {
  const pages = sub.pages ? parent.pages.filter((p) => sub.pages!.includes(p.id)) : parent.pages
  const { fanOut: entries, ...rest } = parent
  const matter = entries?.find((e) => e.id === sub.id)?.matter
  return {
    ...rest,
    ...(rest.decision && matter ? { decision: { ...rest.decision, matter } } : {}),
    title: { sv: `${parent.title.sv}: ${sub.title.sv}`, en: `${parent.title.en}: ${sub.title.en}` },
    routing: { team: sub.team, ...(sub.department ? { department: sub.department } : {}) },
    pages,
  }
}

export function subCaseAnswers(def: FormDefinition, answers: Answers): Answers {
  const keep = new Set(def.pages.flatMap((p) => p.fields.map((f) => f.id)))
  return Object.fromEntries(Object.entries(answers).filter(([k]) => keep.has(k)))
}

/** A sub-case as the receipt writes it: its row (the number still to take) and its 'received' event by the system. */
export type PlannedSubCase = { row: CaseRow; events: StoredEvent[]; fanOutId: string }

/**
 * The parent's sub-cases, one per fan-out entry that holds on its answers: each routed to the entry's team and
 * department, received at the same instant, with a 'received' event by the system naming the parent (whose
 * number, still to be taken, is `parent.number`'s placeholder). Receiving is idempotent per draft, so a parent
 * is planned once; the unique (parent_id, fan_out_id) index backs that up.
 */
export function planSubCases(parent: CaseRow, receivedData: Record<string, unknown>): PlannedSubCase[] {
  return fanOut(parent.definition, parent.answers).map((sub) => {
    const def = subCaseDefinition(parent.definition, sub)
    // Secret answers are encrypted for the sub-case itself (ADR 019), so its id is made here.
    const id = randomUUID()
    const answers = sealAnswers(def, openAnswers(subCaseAnswers(def, parent.answers), caseScope(parent.id)), caseScope(id))
    const row: CaseRow = { ...parent, id, definition: def, answers, team: sub.team, department: sub.department ?? null }
    const data = { channel: parent.channel, municipality: receivedData.municipality, parent: { id: parent.id, number: parent.number }, fanOut: sub.id }
    return { row, fanOutId: sub.id, events: [{ seq: 1, type: 'received', at: parent.receivedAt, actor: { kind: 'system' }, data }] }
  })
}

/** The sub-case rows of a receipt (its events and state rows are written with the case's). */
export const subCaseWrite: ReceiptWrite = ({ tx, input, plan, cases, caseNumber }) => {
  const subs = cases.slice(1)
  if (!subs.length) return []
  const rows = subs.map((k) => ({
    ordinal: k.ordinal, id: k.row.id, definition: k.row.definition, answers: k.row.answers, team: k.row.team, department: k.row.department,
    fan_out_id: k.fanOutId,
  }))
  const r = plan.row
  return [tx`sc as (
    insert into cases (id, number, idempotency_key, form_id, form_version, definition, answers, completeness, locale, channel, location,
                       applicant, team, department, received_at, parent_id, fan_out_id)
    select v.id, ${caseNumber(tx`v.ordinal`)}, gen_random_uuid(), ${input.def.id}, ${input.def.version}, v.definition, v.answers,
           ${tx.json(plan.completeness)}, ${r.locale}, ${r.channel}, ${r.location}, ${r.applicant ? tx.json(r.applicant as never) : null},
           v.team, v.department, ${r.receivedAt}, c.id, v.fan_out_id
    from c, n, jsonb_to_recordset(${tx.json(rows as never)}) v(ordinal int, id uuid, definition jsonb, answers jsonb, team text, department text, fan_out_id text))`]
}

export type LinkedCase = { id: string; number: string; title: Text; team: string | null; department: string | null; status: CaseStatus }

/**
 * A parent's sub-cases in the order its definition lists the entries, each titled by its entry
 * ("Lånekort") and with where it is handled. Empty for a case that did not fan out.
 */
export async function subCasesOf(db: Sql | Tx, parentId: string): Promise<LinkedCase[]> {
  const rows = await db<(Omit<LinkedCase, 'title'> & { fanOutId: string; entries: FanOutDef[] | null })[]>`
    select s.id, s.number, s.fan_out_id as "fanOutId", s.team, s.department, st.status, p.definition->'fanOut' as entries
    from cases s join cases p on p.id = s.parent_id join case_state st on st.case_id = s.id
    where s.parent_id = ${parentId}`
  const order = (r: (typeof rows)[number]) => (r.entries ?? []).findIndex((e) => e.id === r.fanOutId)
  return rows.sort((a, b) => order(a) - order(b)).map(({ fanOutId, entries, ...r }) => ({
    ...r, title: (entries ?? []).find((e) => e.id === fanOutId)?.title ?? { sv: fanOutId, en: fanOutId },
  }))
}

/** The request a sub-case belongs to, or null for a case that is not a sub-case. */
export async function parentOf(db: Sql | Tx, caseId: string): Promise<LinkedCase | null> {
  const [row] = await db<LinkedCase[]>`
    select p.id, p.number, p.definition->'title' as title, p.team, p.department, st.status
    from cases s join cases p on p.id = s.parent_id join case_state st on st.case_id = p.id
    where s.id = ${caseId}`
  return row ?? null
}

export type SubCaseLine = { id: string; number: string; title: string; handledBy: string; status: CaseStatus }

/** The sub-cases as the citizen's receipt (page and PDF) and the staff page list them, in `locale`. */
export async function subCaseLines(db: Sql | Tx, parentId: string, locale: Locale): Promise<SubCaseLine[]> {
  const m = municipality()
  const name = (list: { id: string; name: Text }[], id: string | null) => (id ? t(list.find((x) => x.id === id)?.name ?? { sv: id, en: id }, locale) : null)
  return (await subCasesOf(db, parentId)).map((s) => {
    const team = name(m.teams, s.team)
    const dept = name(m.departments, s.department)
    return { id: s.id, number: s.number, title: t(s.title, locale), handledBy: [team, dept && `(${dept})`].filter(Boolean).join(' '), status: s.status }
  })
}

/** Both directions at once, for the staff case page. */
export async function linkedCases(db: Sql | Tx, caseId: string, locale: Locale) {
  const parent = await parentOf(db, caseId)
  const lines = parent ? [] : await subCaseLines(db, caseId, locale)
  return { parent: parent ? { id: parent.id, number: parent.number, title: t(parent.title, locale) } : null, lines }
}
