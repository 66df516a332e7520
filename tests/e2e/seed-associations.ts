import { sql } from '#services/db/sql.server.ts'
import { applyForGrant, ASSOCIATION } from '../association-fixtures.ts'

/** The register of associations for its staff test: one association filed twice, so there is a change to see. */
export async function seedAssociations(): Promise<void> {
  const [done] = await sql()`select 1 from associations where orgnr = ${ASSOCIATION.orgnr}`
  if (done) return
  await applyForGrant(ASSOCIATION)
  await applyForGrant({ ...ASSOCIATION, chairName: 'Ali Ny', membersTotal: 130, signerRole: 'treasurer' }, { personnummer: '198606129933', name: 'Bo Ek' })
}
