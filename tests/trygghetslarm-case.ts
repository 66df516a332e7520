import { trygghetslarm } from '#forms/trygghetslarm/index.ts'
import type { ValidationContext } from '#forms/kit/index.ts'
import { createSession } from '#services/auth/session.server.ts'
import { createDraft, saveDraftAnswers } from '#services/cases/drafts.server.ts'
import { receiveDraft } from '#services/cases/receive.server.ts'

/** A complete trygghetslarm application, received through receiveDraft, for integration tests. */

export const SEVENTY = '195603149989'
export const SIXTY = '196604039807'
export const SETTINGS = { trygghetslarmMinAge: 65, municipalityPostcodes: ['135'] }

export const ctxFor = (pnr: string, settings: Record<string, unknown> = SETTINGS): ValidationContext => ({
  locale: 'sv', today: '2026-11-22', identity: { personalNumber: pnr, name: 'Testperson' }, settings,
})

export const answersFor = (pnr: string) => ({
  applyingFor: 'self', applicantName: 'Testperson', applicantPnr: pnr,
  address: { street: 'Bollmora allé 1', postcode: '135 81', city: 'Tyresö' }, doorCode: '4711', housing: 'ordinart', phone: '+46701234567',
  keyHandling: 'keys', completeKeySet: true,
  contacts: [{ name: 'Anna Testsson', relation: 'Dotter', phone: '+46701234568', hasKey: true }],
  healthNeeds: ['walkingAid'], healthNotes: 'Diabetes', pets: 'En katt',
  alreadyCovered: 'no',
})

/** Files the application as `pnr` and gives the new case's id. */
export async function receiveTrygghetslarm(pnr: string, ctx = ctxFor(pnr)): Promise<string> {
  const { session } = await createSession(new Request('http://x/'), 'visitor')
  const draft = await createDraft(session.tokenHash, trygghetslarm)
  await saveDraftAnswers(draft.id, answersFor(pnr))
  const r = await receiveDraft({ draftId: draft.id, sessionHash: session.tokenHash, def: trygghetslarm, ctx, applicant: { personnummer: pnr, name: 'Testperson' } })
  if (r.kind !== 'received') throw new Error(`not received: ${r.kind}`)
  return r.case.id
}
