import { foreningsbidrag } from '#forms/foreningsbidrag/index.ts'
import { createSession } from '#services/auth/session.server.ts'
import { addDraftAttachment, createDraft, saveDraftAnswers } from '#services/cases/drafts.server.ts'
import { receiveDraft } from '#services/cases/receive.server.ts'
import { CTX } from './case-fixtures.ts'

/** Helpers for the association register's tests: föreningsbidrag applications received as the portal receives them. */

export const ASSOCIATION = {
  associationName: 'Tyresö Bollklubb', orgnr: '802005-1952', seat: 'Tyresö', address: { street: 'Idrottsvägen 1', postcode: '135 40', city: 'Tyresö' },
  chairName: 'Eva Ek', chairPhone: '+46701234567', chairEmail: 'eva@example.se',
  treasurerName: 'Bo Ek', treasurerPhone: '+46701234568', treasurerEmail: 'bo@example.se',
  payment: { type: 'bankgiro', number: '50501055' },
  membersTotal: 120, members7to20: 80, membersResident: 100, membershipFee: 300, annualMeetingDate: '2026-03-15',
  grantType: 'start', startPurpose: 'Vi startar en ny ungdomssektion för innebandy och behöver utrustning och halltider.', startAmount: 15000,
  signerRole: 'chair', truthful: true, privacyAck: true,
}
export const EVA = { personnummer: '198612139983', name: 'Eva Ek' }

/** A start-up grant application (the grant with no deadline) with its required documents, as a draft ready to send. */
export async function grantDraft(answers: Record<string, unknown>, applicant: { personnummer: string; name: string } = EVA) {
  const { session } = await createSession(new Request('http://x/'), 'visitor')
  const draft = await createDraft(session.tokenHash, foreningsbidrag)
  const file = async (fieldId: string) => [await addDraftAttachment(draft.id, {
    fieldId, name: `${fieldId}.pdf`, mime: 'application/pdf', size: 3, sha256: 'x', bytes: new Uint8Array([1, 2, 3]), metadataRemoved: [],
  })]
  await saveDraftAnswers(draft.id, { ...answers, statutes: await file('statutes'), minutes: await file('minutes'), plan: await file('plan'), budget: await file('budget') })
  const ctx = { ...CTX, identity: { personalNumber: applicant.personnummer, name: applicant.name } }
  return { draftId: draft.id, sessionHash: session.tokenHash, def: foreningsbidrag, ctx, applicant }
}

/** A start-up grant application with its required documents, received. */
export async function applyForGrant(answers: Record<string, unknown>, applicant: { personnummer: string; name: string } = EVA) {
  const r = await receiveDraft(await grantDraft(answers, applicant))
  if (r.kind !== 'received') throw new Error(`not received: ${JSON.stringify(r)}`)
  return r.case
}
