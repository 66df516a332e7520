import type { Answers } from '#forms/kit/index.ts'
import type { CitizenSession } from '../auth/citizen.server.ts'
import { sql } from '../db/sql.server.ts'
import { toDraft, type Draft } from './drafts.server.ts'
import { openDraftAnswers } from './secret-answers.server.ts'

// Drafts of e-services that need BankID belong to the person (drafts.owner_personnummer), not only to the
// browser session they were begun in: they outlive logout and continue on any device after login.

export type OwnedDraft = { id: string; formId: string; answers: Answers; updatedAt: Date; expiresAt: Date }

export async function listOwnedDrafts(personnummer: string): Promise<OwnedDraft[]> {
  const rows = await sql()<OwnedDraft[]>`
    select id, form_id as "formId", answers, updated_at as "updatedAt", expires_at as "expiresAt" from drafts
    where owner_personnummer = ${personnummer} and expires_at > now()
    order by updated_at desc`
  // The owner's own answers: Mina sidor works out where each draft continues.
  return rows.map((d) => ({ ...d, answers: openDraftAnswers(d.id, d.answers) }))
}

/** Moves the person's latest draft of this e-service into the current session, so the usual flow finds it. */
export async function adoptOwnedDraft(session: CitizenSession, formId: string): Promise<Draft | null> {
  const [row] = await sql()<Parameters<typeof toDraft>[0][]>`
    update drafts set session_hash = ${session.tokenHash}
    where id = (
      select id from drafts where owner_personnummer = ${session.person.personnummer} and form_id = ${formId} and expires_at > now()
      order by updated_at desc limit 1)
    returning id, form_id, form_version, answers, fingerprints`
  return row ? toDraft(row) : null
}
