import { DRAFT_DAYS, fingerprints, reopenAnswers, type Answers, type FileRef, type Fingerprints, type FormDefinition, type Locale } from '#forms/kit/index.ts'
import { sql } from '../db/sql.server.ts'
import { formById } from '../forms/registry.server.ts'
import { UUID } from './queries.server.ts'
import { openDraftAnswers, sealDraftAnswers } from './secret-answers.server.ts'

export type Draft = { id: string; formId: string; formVersion: number; answers: Answers; fingerprints: Fingerprints | null }

/**
 * Days a draft is kept after its last save (issue 4: "deleted after 30 days"); every save starts them
 * again, see ADR 013. services/drafts/housekeeping.server.ts reminds and deletes. The pages say the same number.
 */
export { DRAFT_DAYS }

type Row = { id: string; form_id: string; form_version: number; answers: Answers; fingerprints: Fingerprints | null }
/** A draft as its owner continues it: secret answers decrypted (they are encrypted in the row). */
export const toDraft = (r: Row): Draft => ({
  id: r.id, formId: r.form_id, formVersion: r.form_version, answers: openDraftAnswers(r.id, r.answers), fingerprints: r.fingerprints,
})

export async function findDraft(sessionHash: string, formId: string): Promise<Draft | null> {
  const [row] = await sql()<Row[]>`
    select id, form_id, form_version, answers, fingerprints from drafts
    where session_hash = ${sessionHash} and form_id = ${formId} and expires_at > now()
    order by updated_at desc limit 1`
  return row ? toDraft(row) : null
}

export async function createDraft(sessionHash: string, def: FormDefinition, locale: Locale = 'sv'): Promise<Draft> {
  // An e-service that needs BankID is filled in logged in: its draft belongs to that person (Mina sidor).
  // Others (felanmälan) never record who began them.
  const owner = def.identification === 'bankid'
    ? sql()`(select personnummer from sessions where token_hash = ${sessionHash} and kind = 'citizen')`
    : sql()`null`
  const [row] = await sql()<Row[]>`
    insert into drafts (session_hash, form_id, form_version, fingerprints, locale, expires_at, owner_personnummer)
    values (${sessionHash}, ${def.id}, ${def.version}, ${sql().json(fingerprints(def))}, ${locale},
            now() + make_interval(days => ${DRAFT_DAYS}::int), ${owner})
    returning id, form_id, form_version, answers, fingerprints`
  return toDraft(row!)
}

/**
 * Saves the answers and keeps the draft DRAFT_DAYS from now; a reminder already sent belongs to the old
 * period. With `def`, the answers are recorded as valid on that version (its fingerprints): pass it only
 * for answers that were reopened on it (`reopenDraft`) or given on it.
 */
export async function saveDraftAnswers(draftId: string, answers: Answers, on?: { def: FormDefinition; locale?: Locale }): Promise<void> {
  // Without `def` (fixtures, demo data) the draft's own e-service says which answers are secret.
  const def = on?.def ?? formById((await sql()<{ form_id: string }[]>`select form_id from drafts where id = ${draftId}`)[0]?.form_id)
  const stored = def ? sealDraftAnswers(draftId, def, answers) : answers
  const version = on ? sql()`, form_version = ${on.def.version}, fingerprints = ${sql().json(fingerprints(on.def))}` : sql()``
  const locale = on?.locale ? sql()`, locale = ${on.locale}` : sql()``
  await sql()`update drafts set answers = ${sql().json(stored as never)}, updated_at = now(),
      expires_at = now() + make_interval(days => ${DRAFT_DAYS}::int), reminded_at = null ${version} ${locale}
    where id = ${draftId}`
}

/**
 * The draft as it opens on the current definition: answers to fields that changed since they were given
 * are let go (and the draft saved so), and `changedPage` names where the citizen answers again.
 */
export async function reopenDraft(draft: Draft, def: FormDefinition): Promise<{ draft: Draft; changedPage: string | null }> {
  const r = reopenAnswers(def, draft.answers, draft.fingerprints, draft.formVersion)
  if (draft.formVersion === def.version && r.dropped.length === 0 && draft.fingerprints) return { draft, changedPage: null }
  await saveDraftAnswers(draft.id, r.answers, { def })
  return { draft: { ...draft, answers: r.answers, formVersion: def.version, fingerprints: fingerprints(def) }, changedPage: r.changedPage }
}

/** A person's own draft, from Mina sidor; attachments go with it. */
export async function deleteOwnedDraft(personnummer: string, draftId: string): Promise<boolean> {
  if (!UUID.test(draftId)) return false
  const r = await sql()`delete from drafts where id = ${draftId} and owner_personnummer = ${personnummer}`
  return r.count > 0
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
