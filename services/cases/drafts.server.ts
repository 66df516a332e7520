import type { Answers, FileRef, FormDefinition } from '../../forms/kit/index.ts'
import { sql } from '../db/sql.server.ts'

export type Draft = { id: string; formId: string; formVersion: number; answers: Answers }

/** A draft lives as long as its session; these days are its ceiling even for an active session. */
const DRAFT_DAYS = 30

type Row = { id: string; form_id: string; form_version: number; answers: Answers }
const toDraft = (r: Row): Draft => ({ id: r.id, formId: r.form_id, formVersion: r.form_version, answers: r.answers })

export async function findDraft(sessionHash: string, formId: string): Promise<Draft | null> {
  const [row] = await sql()<Row[]>`
    select id, form_id, form_version, answers from drafts
    where session_hash = ${sessionHash} and form_id = ${formId} and expires_at > now()
    order by updated_at desc limit 1`
  return row ? toDraft(row) : null
}

export async function createDraft(sessionHash: string, def: FormDefinition): Promise<Draft> {
  // An e-service that needs BankID is filled in logged in: its draft belongs to that person (Mina sidor).
  // Others (felanmälan) never record who began them.
  const owner = def.identification === 'bankid'
    ? sql()`(select personnummer from sessions where token_hash = ${sessionHash} and kind = 'citizen')`
    : sql()`null`
  const [row] = await sql()<Row[]>`
    insert into drafts (session_hash, form_id, form_version, expires_at, owner_personnummer)
    values (${sessionHash}, ${def.id}, ${def.version}, now() + make_interval(days => ${DRAFT_DAYS}::int), ${owner})
    returning id, form_id, form_version, answers`
  return toDraft(row!)
}

export async function saveDraftAnswers(draftId: string, answers: Answers): Promise<void> {
  await sql()`update drafts set answers = ${sql().json(answers as never)}, updated_at = now() where id = ${draftId}`
}

export type NewAttachment = { fieldId: string; name: string; mime: string; size: number; sha256: string; bytes: Uint8Array; metadataRemoved: string[] }

export async function addDraftAttachment(draftId: string, a: NewAttachment): Promise<FileRef> {
  const [row] = await sql()<{ id: string }[]>`
    insert into attachments (draft_id, field_id, file_name, mime, size, sha256, metadata_removed, bytes)
    values (${draftId}, ${a.fieldId}, ${a.name}, ${a.mime}, ${a.size}, ${a.sha256}, ${a.metadataRemoved}, ${Buffer.from(a.bytes)})
    returning id`
  return { id: row!.id, name: a.name, mime: a.mime, size: a.size }
}

export async function removeDraftAttachment(draftId: string, attachmentId: string): Promise<void> {
  await sql()`delete from attachments where id = ${attachmentId} and draft_id = ${draftId}`
}
