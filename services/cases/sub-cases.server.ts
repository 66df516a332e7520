import { randomUUID } from 'node:crypto'
import { fanOut, t, type Answers, type FanOutDef, type FormDefinition, type Locale, type SubCase, type Text } from '#forms/kit/index.ts'
import { municipality } from '../config/municipality.server.ts'
import type { Sql, Tx } from '../db/sql.server.ts'
import { nextCaseNumber } from './numbers.server.ts'
import { caseBase, caseRowColumns, loadEvents, writeState, type CaseRow } from './projection.server.ts'
import { caseScope, openAnswers, sealAnswers } from './secret-answers.server.ts'
import { foldEvents, type CaseStatus } from './state.ts'

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

/** The case-number year of a case received at `at`: the municipality's calendar, as receiving uses. */
const yearAt = (at: Date) => Number(new Intl.DateTimeFormat('sv-SE', { timeZone: municipality().timeZone, year: 'numeric' }).format(at))

/**
 * Creates the parent's sub-cases (one per fan-out entry that holds on its answers) inside the receiving
 * transaction: each with its own number, team and department, a 'received' event by the system naming the
 * parent, and its state row, so it is in its team's queue at once. Creating none twice: a parent that
 * already has sub-cases is left alone (and the unique (parent_id, fan_out_id) index backs that up).
 */
export async function createSubCases(tx: Tx, parent: CaseRow): Promise<string[]> {
  const subs = fanOut(parent.definition, parent.answers)
  if (subs.length === 0) return []
  const [existing] = await tx`select 1 from cases where parent_id = ${parent.id} limit 1`
  if (existing) return []
  const year = yearAt(parent.receivedAt)
  const ids: string[] = []
  for (const sub of subs) {
    const def = subCaseDefinition(parent.definition, sub)
    const number = await nextCaseNumber(tx, parent.definition.caseNumberPrefix, year)
    // Secret answers are encrypted for the sub-case itself (ADR 019), so its id is known before the insert.
    const id = randomUUID()
    const answers = sealAnswers(def, openAnswers(subCaseAnswers(def, parent.answers), caseScope(parent.id)), caseScope(id))
    const [row] = await tx<{ id: string }[]>`
      insert into cases (id, number, idempotency_key, form_id, form_version, definition, answers, completeness, locale, channel, location,
                         applicant, team, department, received_at, parent_id, fan_out_id)
      select ${id}, ${number}, gen_random_uuid(), p.form_id, p.form_version, ${tx.json(def as never)}, ${tx.json(answers as never)},
             p.completeness, p.locale, p.channel, p.location, p.applicant, ${sub.team}, ${sub.department ?? null}, p.received_at, p.id, ${sub.id}
      from cases p where p.id = ${parent.id}
      returning id`
    await tx`insert into case_events (case_id, seq, type, actor, data)
      values (${row!.id}, 1, 'received', ${tx.json({ kind: 'system' })}, ${tx.json({
        channel: parent.channel, municipality: municipality().id, parent: { id: parent.id, number: parent.number }, fanOut: sub.id,
      })})`
    const [c] = await tx<CaseRow[]>`select ${caseRowColumns(tx)} from cases c where c.id = ${row!.id}`
    await writeState(tx, c!, foldEvents(caseBase(c!), await loadEvents(tx, row!.id)))
    ids.push(row!.id)
  }
  return ids
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
