import { t } from '#forms/kit/index.ts'
import type { StaffMember } from '#services/auth/teams.server.ts'
import type { StaffCase } from '#services/cases/case-view.server.ts'
import { otherCasesOf } from '#services/cases/citizen-history.server.ts'
import { duplicatesOf, primaryFrom } from '#services/cases/duplicates.server.ts'
import { sql } from '#services/db/sql.server.ts'
import { caseStatusLabel } from '../labels.ts'

const VIA: Record<string, string> = { personnummer: 'samma personnummer', email: 'samma e-post', address: 'samma adress' }

/** The case page's panel of the citizen's other cases and duplicates (ADR 031), as the loader sends it. */
export async function otherCasesData(member: StaffMember, v: StaffCase) {
  const [others, duplicates] = await Promise.all([otherCasesOf(member, v.case.id), duplicatesOf(sql(), v.case.id)])
  return {
    others: others.map((o) => ({
      id: o.id, number: o.number, title: t(o.title, 'sv'), receivedAt: o.receivedAt.toISOString(), status: caseStatusLabel(o.status),
      via: o.via.map((x) => VIA[x] ?? x).join(', '),
    })),
    duplicates,
    primary: primaryFrom(v.state, v.events),
  }
}

export type OtherCasesData = Awaited<ReturnType<typeof otherCasesData>>
