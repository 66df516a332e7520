import { hashToken, newToken } from '../auth/session.server.ts'
import { sql } from '../db/sql.server.ts'
import { newEnrolmentCode, normaliseEnrolmentCode } from './codes.ts'
import { findLocation } from './locations.server.ts'

/** What a request from an enrolled kiosk carries through the portal (the HTTP layer's load context). */
export type Kiosk = { id: string; location: string; name: string }

/** Long enough to walk from the admin's desk to a branch library; short enough not to lie around. */
export const ENROLMENT_CODE_HOURS = 8

export async function createEnrolmentCode(input: { location: string; kioskName: string; staffId: string }): Promise<{ code: string; expiresAt: Date }> {
  if (!findLocation(input.location)) throw new Error(`Unknown location ${input.location}`)
  const code = newEnrolmentCode()
  const [row] = await sql()<{ expires_at: Date }[]>`
    insert into kiosk_enrolment_codes (code_hash, location, kiosk_name, created_by, expires_at)
    values (${hashToken(normaliseEnrolmentCode(code)!)}, ${input.location}, ${input.kioskName.trim()}, ${input.staffId},
            now() + make_interval(hours => ${ENROLMENT_CODE_HOURS}::int))
    returning expires_at`
  return { code, expiresAt: row!.expires_at }
}

/**
 * Uses a code once: the code row is locked and marked used in the same transaction that creates the kiosk,
 * so two browsers racing with one code get one kiosk. The token goes into the kiosk's cookie; only its hash
 * is stored.
 */
export async function enrolWithCode(typed: string): Promise<{ kiosk: Kiosk; token: string } | null> {
  const code = normaliseEnrolmentCode(typed)
  if (!code) return null
  return sql().begin(async (tx) => {
    const [row] = await tx<{ location: string; kiosk_name: string; created_by: string }[]>`
      select location, kiosk_name, created_by from kiosk_enrolment_codes
      where code_hash = ${hashToken(code)} and used_at is null and expires_at > now() for update`
    if (!row) return null
    const { token, tokenHash } = newToken()
    const [kiosk] = await tx<Kiosk[]>`
      insert into kiosks (location, name, token_hash, enrolled_by) values (${row.location}, ${row.kiosk_name}, ${tokenHash}, ${row.created_by})
      returning id, location, name`
    await tx`update kiosk_enrolment_codes set used_at = now(), kiosk_id = ${kiosk!.id} where code_hash = ${hashToken(code)}`
    return { kiosk: kiosk!, token }
  })
}

/** The kiosk a cookie token belongs to, unless revoked; every request counts as the kiosk's last activity. */
export async function kioskByToken(token: string): Promise<Kiosk | null> {
  if (token.length > 100) return null
  const [row] = await sql()<Kiosk[]>`
    update kiosks set last_seen_at = now() where token_hash = ${hashToken(token)} and revoked_at is null
    returning id, location, name`
  return row ?? null
}

export type KioskListItem = Kiosk & { enrolledAt: Date; lastSeenAt: Date; revokedAt: Date | null }

export async function listKiosks(): Promise<KioskListItem[]> {
  return sql()<KioskListItem[]>`
    select id, location, name, enrolled_at as "enrolledAt", last_seen_at as "lastSeenAt", revoked_at as "revokedAt"
    from kiosks order by revoked_at is not null, location, name, enrolled_at`
}

/** The kiosk's next request finds no kiosk: it is an ordinary browser again and its cookie is cleared. */
export async function revokeKiosk(id: string, staffId: string): Promise<boolean> {
  const done = await sql()`update kiosks set revoked_at = now(), revoked_by = ${staffId} where id = ${id} and revoked_at is null`
  return done.count > 0
}
