import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '#tests/db.ts'
import { makeStaff } from '#tests/case-fixtures.ts'
import { receiveTrygghetslarm, SEVENTY } from '#tests/trygghetslarm-case.ts'
import { loadScope, type StaffMember } from '#services/auth/teams.server.ts'
import { openCase } from '#services/cases/case-view.server.ts'
import { getCase } from '#services/cases/queries.server.ts'
import { redactionFor } from '#services/cases/sensitive.ts'
import { pdfText } from '#services/pdf/poppler.testing.ts'
import { receiptPdf } from '../eservice/receipt.server.ts'
import { caseLoaderData } from './case-data.server.ts'

// The door code is stored encrypted (services/cases/secret-answers.server.ts); these are the readers that
// decrypt it — the handling team on the case page and in its PDF, the applicant on their receipt — and one
// that must not.

let drop: () => Promise<void>
beforeAll(async () => ({ drop } = await freshDatabase()))
afterAll(() => drop())

const member = async (role: 'handlaggare', teams: string[]): Promise<StaffMember> => {
  const s = await makeStaff(role, { teams })
  return { ...s, ...(await loadScope(s.id)) }
}

async function seen(m: StaffMember, caseId: string) {
  const v = (await openCase(m, caseId, { audit: false }))!
  const page = caseLoaderData(m, v, []).sections.flatMap((s) => s.rows).find((r) => r.fieldId === 'doorCode')!.value
  const c = (await getCase(caseId))!
  const pdf = pdfText(await receiptPdf(c, 'sv', redactionFor(m, v.state.team)))
  return { page, pdf }
}

describe('who reads a stored door code', () => {
  it('the handläggare of the case’s team, on the case page and in the staff PDF', async () => {
    const id = await receiveTrygghetslarm(SEVENTY)
    const { page, pdf } = await seen(await member('handlaggare', ['social']), id)
    expect(page).toBe('4711')
    expect(pdf).toContain('4711')
  })

  it('not a handläggare of another team: redacted on the page and in the PDF', async () => {
    const id = await receiveTrygghetslarm(SEVENTY)
    const { page, pdf } = await seen(await member('handlaggare', ['teknik']), id)
    expect(page).toMatch(/^Skyddad uppgift/)
    expect(pdf).not.toContain('4711')
    expect(pdf).toContain('Skyddad uppgift')
  })

  it('the applicant, on their own receipt PDF', async () => {
    const id = await receiveTrygghetslarm(SEVENTY)
    expect(pdfText(await receiptPdf((await getCase(id))!, 'sv'))).toContain('4711')
  })
})
