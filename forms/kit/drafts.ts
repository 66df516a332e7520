/**
 * Days a draft is kept after its last save (ADR 013). Here, not in the server's draft store, because the
 * pages tell the citizen the same number; services/cases/drafts.server.ts keeps drafts by it.
 */
export const DRAFT_DAYS = 30
