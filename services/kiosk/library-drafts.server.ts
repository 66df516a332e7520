import { sql } from '../db/sql.server.ts'

/**
 * Before a kiosk visit's session is deleted: drafts made while logged in with a library card are let go of
 * by the session (so they do not go with it) and kept for the card. Anonymous drafts are untouched and end
 * with the session.
 */
export async function keepLibraryCardDrafts(sessionHash: string): Promise<void> {
  await sql()`
    update drafts d set owner_library_card = s.data->'libraryCard'->>'patronId', session_hash = null
    from sessions s
    where s.token_hash = ${sessionHash} and d.session_hash = s.token_hash and s.data ? 'libraryCard'`
}

/** At a library-card login, the card's kept drafts continue in this session. */
export async function adoptLibraryCardDrafts(sessionHash: string, patronId: string): Promise<void> {
  await sql()`
    update drafts set session_hash = ${sessionHash}
    where owner_library_card = ${patronId} and session_hash is null and expires_at > now()`
}
