import { endSessions, hashToken } from '../auth/session.server.ts'
import { sql } from '../db/sql.server.ts'
import { keepLibraryCardDrafts } from './library-drafts.server.ts'

/**
 * The server's half of "nothing survives a visitor": a kiosk session idle longer than `endSeconds` is ended
 * on the kiosk's next request, before anything of it can be shown — also without JavaScript, where no
 * warning can run. Otherwise the request counts as activity. True when the visit was ended here.
 */
export async function endVisitIfIdle(sessionToken: string, endSeconds: number): Promise<boolean> {
  if (sessionToken.length > 100) return false
  const tokenHash = hashToken(sessionToken)
  const active = await sql()`
    update sessions set last_seen_at = now()
    where token_hash = ${tokenHash} and last_seen_at >= now() - make_interval(secs => ${endSeconds}::int)`
  if (active.count > 0) return false
  return endKioskVisit(tokenHash)
}

/**
 * Ends a kiosk visit's session, as "Avsluta" and the idle timeout do: drafts made with a library card stay
 * with the card, drafts a BankID-identified person owns stay theirs (endSessions), the rest goes.
 */
export async function endKioskVisit(tokenHash: string): Promise<boolean> {
  await keepLibraryCardDrafts(tokenHash)
  return (await endSessions({ tokenHash })) > 0
}
