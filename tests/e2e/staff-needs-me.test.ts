import { readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { expect, loginStaff, test } from './fixtures.ts'
import { E2E_PORT } from './kiosk-helpers.ts'

/**
 * Issue 11, "nothing missed": a citizen's message on a case a handler decided, now someone else's, puts it back
 * in the handler's Mina and raises the counter in the staff navigation. The case and the citizen's message are
 * made through the portal's own services on its database; the browser is for what the handler sees.
 */
test('a citizen’s message on a decided case appears in Mina, and the counter says so', async ({ page, axe }) => {
  const { setEnv } = await import('#services/env.server.ts')
  setEnv({ DATABASE_URL: readFileSync(`.data/e2e-${E2E_PORT}.db-url`, 'utf8').trim() })
  const { makeStaff, receiveCase, ROUTINE } = await import('../case-fixtures.ts')
  const { actorOf, loadScope, whoOf } = await import('#services/auth/teams.server.ts')
  const { appendEvent } = await import('#services/cases/append.server.ts')
  const { sendCitizenMessage } = await import('#services/cases/citizen.server.ts')
  const { closeSql } = await import('#services/db/sql.server.ts')

  // A handler and a lead of their own, so tests running alongside cannot move the counter.
  const tag = randomBytes(3).toString('hex')
  const handler = await makeStaff('handlaggare', { teams: ['trafik'], name: `Hanna ${tag}` })
  const lead = await makeStaff('teamledare', { teams: ['trafik'], name: `Lena ${tag}` })
  const pnr = '194001019999'
  const c = await receiveCase({ name: 'Maj', description: 'Braskamin' }, { def: ROUTINE, applicant: { personnummer: pnr, name: 'Maj' } })
  const act = async (who: typeof handler, seq: number, event: Parameters<typeof appendEvent>[0]['event']) => {
    const m = { ...who, ...(await loadScope(who.id)) }
    expect((await appendEvent({ caseId: c.id, expectedSeq: seq, event, actor: actorOf(m), who: whoOf(m) })).kind).toBe('ok')
  }
  const letter = { municipality: { name: 'Tyresö kommun', address: '-', phone: '-', email: '-' }, formTitle: ROUTINE.title, applicant: null, locale: 'sv' as const }
  await act(handler, 1, { type: 'claimed', data: { assignee: { id: handler.id, name: handler.name } } })
  await act(handler, 2, { type: 'decided', data: { decision: 'approved', reasons: 'Uppfyller villkoren.', appealable: true, letter } })
  await act(lead, 3, { type: 'reassigned', data: { assignee: { id: lead.id, name: lead.name } } })

  try {
    await loginStaff(page, axe, { email: handler.email, password: 'ett långt lösenord' })
    const counter = page.getByTestId('needs-me')
    await expect(counter).toHaveText('Mina: 0 ärenden behöver dig')

    expect(await sendCitizenMessage({ caseId: c.id, personnummer: pnr, text: 'När kommer installatören?' })).toEqual({ kind: 'ok' })
    await page.reload()
    await expect(counter).toHaveText('Mina: 1 ärende behöver dig')
    await counter.click()
    await expect(page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: 'Mina', exact: true })).toHaveAttribute('aria-current', 'page')
    const row = page.getByRole('row').filter({ hasText: c.number })
    await expect(row).toContainText('Nytt meddelande')
    await expect(row).toContainText('Beslutad')
    await axe(page)
  } finally {
    await closeSql()
  }
})
