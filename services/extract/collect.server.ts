import type { Answers, FormDefinition } from '#forms/kit/index.ts'
import { maskAnswers } from '../cases/secret-answers.server.ts'
import { sql } from '../db/sql.server.ts'
import { formById } from '../forms/registry.server.ts'
import { dedupe, type ExtractCase, type ExtractEvent, type ExtractStaff, type RegisterExtract } from './types.ts'

// Every table that holds a personnummer or leads to a person (services/db/migrations), and how each is
// reached from the personnummer (and, when the person gives it, their library card number):
//   cases.applicant → case_events, attachments (names only), case_signatures, case_state, association_history,
//   outbox (mail about their cases, and reminders about their drafts — never by address alone: anyone can type
//   another person's address into a draft, and that person's mail about their own cases is not the typist's);
//   drafts.owner_personnummer / owner_library_card, and drafts of their sessions → attachments;
//   sessions.personnummer / data.libraryCard → bankid_orders (also by signer and by the completed login);
//   audit_log: opening their cases, searches for their personnummer, earlier extracts.
// help_requests and kiosks hold no person (kiosk, location, page path and times only), so nothing there
// leads to anyone; a kiosk visit shows through the cases filed at a kiosk and library-card sessions.
// Secret answers (door codes, ADR 019) are listed as held but masked: neither the data protection officer nor
// a download on Mina sidor needs the code itself, and the case page shows it to the applicant.

const iso = (d: Date | null) => (d ? d.toISOString() : null)
const isoOf = (d: Date) => d.toISOString()

type StaffRow = { staff_name: string | null; staff_role: string | null }
const staffOf = (r: StaffRow): ExtractStaff => ({ name: r.staff_name, role: r.staff_role })

/** Everything held about the person, staff names included (the data protection officer's extract). */
export async function collectRegisterExtract(personnummer: string, opts: { libraryCard?: string | null } = {}): Promise<RegisterExtract> {
  const db = sql()
  const card = opts.libraryCard || null
  const caseRows = await db<{
    id: string; number: string; form_id: string; definition: FormDefinition; answers: Answers; applicant: Record<string, unknown> | null
    channel: string; location: string | null; team: string | null; department: string | null; status: string | null; received_at: Date
  }[]>`
    select c.id, c.number, c.form_id, c.definition, c.answers, c.applicant, c.channel, c.location, c.team, c.department,
           s.status, c.received_at
    from cases c left join case_state s on s.case_id = c.id
    where c.applicant->>'personnummer' = ${personnummer} or (${card}::text is not null and c.applicant->>'libraryCard' = ${card})
    order by c.received_at, c.id`
  const caseIds = caseRows.map((c) => c.id)

  const [events, attachments, signatures, sessions] = await Promise.all([
    db<(StaffRow & { case_id: string; seq: number; type: string; actor: { kind?: string }; data: Record<string, unknown>; at: Date })[]>`
      select e.case_id, e.seq, e.type, e.actor, e.data, e.at, st.name as staff_name, st.role as staff_role
      from case_events e left join staff st on e.actor->>'kind' = 'staff' and st.id::text = e.actor->>'id'
      where e.case_id = any(${caseIds}::uuid[]) order by e.case_id, e.seq`,
    db<{ case_id: string; file_name: string; mime: string; size: number; created_at: Date }[]>`
      select case_id, file_name, mime, size, created_at from attachments where case_id = any(${caseIds}::uuid[]) order by created_at, id`,
    db<{ case_id: string; name: string; signed_at: Date }[]>`
      select case_id, name, signed_at from case_signatures where case_id = any(${caseIds}::uuid[]) or personnummer = ${personnummer}`,
    db<{ token_hash: string; kind: string; created_at: Date; last_seen_at: Date; expires_at: Date; library_card: boolean; assisted: boolean }[]>`
      select token_hash, kind, created_at, last_seen_at, expires_at, data ? 'libraryCard' as library_card, data ? 'kioskAssist' as assisted
      from sessions
      where personnummer = ${personnummer} or (${card}::text is not null and data->'libraryCard'->>'patronId' = ${card})
      order by created_at`,
  ])
  const sessionHashes = sessions.map((s) => s.token_hash)

  const [drafts, orders, history] = await Promise.all([
    db<{ id: string; form_id: string; answers: Answers; created_at: Date; updated_at: Date; expires_at: Date }[]>`
      select id, form_id, answers, created_at, updated_at, expires_at from drafts
      where owner_personnummer = ${personnummer} or session_hash = any(${sessionHashes}::text[])
         or (${card}::text is not null and owner_library_card = ${card})
      order by created_at, id`,
    db<{ purpose: string; flow: string; status: string; started_at: Date; finished_at: Date | null; form_id: string | null }[]>`
      select purpose, flow, status, started_at, finished_at, form_id from bankid_orders
      where signer_personnummer = ${personnummer} or completion->'user'->>'personalNumber' = ${personnummer}
         or session_hash = any(${sessionHashes}::text[])
      order by started_at`,
    db<{ orgnr: string; association: string; number: string; at: Date; actor: { role?: string | null }; changes: Record<string, unknown> }[]>`
      select h.orgnr, a.name as association, c.number, h.at, h.actor, h.changes
      from association_history h join associations a on a.orgnr = h.orgnr join cases c on c.id = h.case_id
      where h.case_id = any(${caseIds}::uuid[]) order by h.at, h.id`,
  ])
  const draftFiles = await db<{ draft_id: string; file_name: string; mime: string; size: number }[]>`
    select draft_id, file_name, mime, size from attachments where draft_id = any(${drafts.map((d) => d.id)}::uuid[]) order by created_at, id`

  const [emails, access] = await Promise.all([
    db<{ to: string; subject: string; number: string | null; created_at: Date; sent_at: Date | null; failed_at: Date | null }[]>`
      select o.payload->>'to' as to, o.payload->>'subject' as subject, c.number, o.created_at, o.sent_at, o.failed_at
      from outbox o left join cases c on c.id = o.case_id
      where o.case_id = any(${caseIds}::uuid[]) or (o.case_id is null and o.payload->>'draft' = any(${drafts.map((d) => d.id)}::text[]))
      order by o.created_at, o.id`,
    db<(StaffRow & { at: Date; action: string; number: string | null; staff_id: string | null })[]>`
      select a.at, a.action, c.number, a.staff_id, st.name as staff_name, st.role as staff_role
      from audit_log a left join staff st on st.id = a.staff_id left join cases c on c.id = a.case_id
      where a.case_id = any(${caseIds}::uuid[])
         or (a.action = 'search.personnummer' and a.details->>'q' = ${personnummer})
         or (a.action in ('register.extract', 'register.extract.self') and a.details->>'personnummer' = ${personnummer})
      order by a.at, a.id`,
  ])

  // Staff who helped at a kiosk in assisted mode are named in the received event; their role is the staff row's.
  const assistants = caseRows.length === 0 ? [] : await db<{ id: string; role: string }[]>`
    select st.id::text as id, st.role from staff st join case_events e on e.type = 'received' and st.id::text = e.data->'assistedBy'->>'id'
    where e.case_id = any(${caseIds}::uuid[])`

  const byCase = <T extends { case_id: string }>(rows: T[], id: string) => rows.filter((r) => r.case_id === id)
  const cases: ExtractCase[] = caseRows.map((c) => {
    const log: ExtractEvent[] = byCase(events, c.id).map((e) => ({
      seq: e.seq, type: e.type, at: isoOf(e.at), data: e.data,
      by: e.actor.kind === 'staff' ? staffOf(e) : e.actor.kind === 'citizen' ? 'citizen' : 'system',
    }))
    const signature = signatures.find((s) => s.case_id === c.id)
    return {
      number: c.number, formId: c.form_id, definition: c.definition, answers: maskAnswers(c.answers), applicant: c.applicant,
      channel: c.channel, location: c.location, team: c.team, department: c.department, status: c.status,
      receivedAt: isoOf(c.received_at), events: log,
      attachments: byCase(attachments, c.id).map((a) => ({ name: a.file_name, mime: a.mime, size: a.size, at: isoOf(a.created_at) })),
      signature: signature ? { name: signature.name, signedAt: isoOf(signature.signed_at) } : null,
      handledBy: dedupe(log.flatMap((e) => (typeof e.by === 'string' ? [] : [e.by]))),
    }
  })

  return {
    personnummer,
    libraryCard: card,
    createdAt: new Date().toISOString(),
    staffNames: true,
    cases,
    drafts: drafts.map((d) => ({
      formId: d.form_id, definition: formById(d.form_id) ?? null, answers: maskAnswers(d.answers),
      createdAt: isoOf(d.created_at), updatedAt: isoOf(d.updated_at), expiresAt: isoOf(d.expires_at),
      attachments: draftFiles.filter((f) => f.draft_id === d.id).map((f) => ({ name: f.file_name, mime: f.mime, size: f.size })),
    })),
    sessions: sessions.map((s) => ({
      kind: s.kind, createdAt: isoOf(s.created_at), lastSeenAt: isoOf(s.last_seen_at), expiresAt: isoOf(s.expires_at),
      libraryCard: s.library_card, assisted: s.assisted,
    })),
    bankidOrders: orders.map((o) => ({
      purpose: o.purpose, flow: o.flow, status: o.status, startedAt: isoOf(o.started_at), finishedAt: iso(o.finished_at), formId: o.form_id,
    })),
    kioskVisits: cases.filter((c) => c.channel === 'kiosk').map((c) => {
      const assisted = c.events.find((e) => e.type === 'received')?.data.assistedBy as { id?: string; name?: string } | undefined
      const role = assistants.find((s) => s.id === assisted?.id)?.role ?? null
      return { caseNumber: c.number, at: c.receivedAt, location: c.location, assistedBy: assisted ? { name: assisted.name ?? null, role } : null }
    }),
    associationHistory: history.map((h) => ({
      orgnr: h.orgnr, association: h.association, caseNumber: h.number, at: isoOf(h.at), role: h.actor.role ?? null, fields: Object.keys(h.changes),
    })),
    emails: emails.map((m) => ({
      to: m.to, subject: m.subject, caseNumber: m.number, createdAt: isoOf(m.created_at), sentAt: iso(m.sent_at), failed: m.failed_at !== null,
    })),
    access: access.map((a) => ({ at: isoOf(a.at), action: a.action, caseNumber: a.number, by: a.staff_id ? staffOf(a) : null })),
  }
}
