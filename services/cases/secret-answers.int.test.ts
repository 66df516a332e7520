import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trygghetslarm } from '#forms/trygghetslarm/index.ts'
import { freshDatabase } from '#tests/db.ts'
import { answersFor, receiveTrygghetslarm, SEVENTY } from '#tests/trygghetslarm-case.ts'
import { createSession } from '../auth/session.server.ts'
import { answerKeys, newAnswerKey, parseAnswerKeys } from '../crypto/answer-keys.server.ts'
import { rotateAnswerKeys } from '../crypto/rotate.server.ts'
import type { Sql } from '../db/sql.server.ts'
import { createDraft, findDraft, saveDraftAnswers } from './drafts.server.ts'
import { caseScope, openAnswers } from './secret-answers.server.ts'

// Door codes on real PostgreSQL: never plain in a stored row or the search vector, yet read back by those
// allowed to, and re-encrypted under a new key without tripping the received-answers guard.

let db: Sql
let drop: () => Promise<void>
beforeAll(async () => ({ db, drop } = await freshDatabase()))
afterAll(() => drop())

type Envelope = { $enc: string; kid: string; iv: string; ct: string; tag: string }

describe('a door code at rest', () => {
  it('is stored encrypted in the received case and kept out of its search vector', async () => {
    const id = await receiveTrygghetslarm(SEVENTY)
    const [row] = await db<{ answers: Record<string, unknown>; text: string; vector: string }[]>`
      select answers, answers::text as text, search_vector::text as vector from cases where id = ${id}`
    expect(row!.text).not.toContain('4711')
    expect(row!.vector).not.toContain('4711')
    expect(row!.answers.doorCode).toMatchObject({ $enc: 'v1', kid: answerKeys().current.kid })
    // The rest of the answers stay searchable as before.
    expect(row!.answers.pets).toBe('En katt')
    expect(openAnswers(row!.answers, caseScope(id)).doorCode).toBe('4711')
    const [hit] = await db`select 1 from cases where search_vector @@ plainto_tsquery('simple', '4711')`
    expect(hit).toBeUndefined()
  })

  it('is stored encrypted in a draft, and the citizen continuing the draft gets it back as typed', async () => {
    const { session } = await createSession(new Request('http://x/'), 'visitor')
    const draft = await createDraft(session.tokenHash, trygghetslarm)
    await saveDraftAnswers(draft.id, answersFor(SEVENTY), { def: trygghetslarm })
    const [row] = await db<{ text: string }[]>`select answers::text as text from drafts where id = ${draft.id}`
    expect(row!.text).not.toContain('4711')
    expect(row!.text).toContain('"$enc"')
    expect((await findDraft(session.tokenHash, trygghetslarm.id))!.answers.doorCode).toBe('4711')
  })

  it('cannot be moved to another case: the envelope does not open there', async () => {
    const [a, b] = [await receiveTrygghetslarm(SEVENTY), await receiveTrygghetslarm(SEVENTY)]
    const [row] = await db<{ answers: Record<string, unknown> }[]>`select answers from cases where id = ${a}`
    expect(() => openAnswers(row!.answers, caseScope(b))).toThrow('does not open')
  })
})

describe('key rotation', () => {
  it('also encrypts door codes stored plain before encryption, in cases and drafts', async () => {
    const id = await receiveTrygghetslarm(SEVENTY)
    // As a case received before this change was stored.
    await db.begin(async (tx) => {
      await tx`alter table cases disable trigger cases_immutable`
      await tx`update cases set answers = jsonb_set(answers, '{doorCode}', '"4711"') where id = ${id}`
      await tx`alter table cases enable trigger cases_immutable`
    })
    const { session } = await createSession(new Request('http://x/'), 'visitor')
    const draft = await createDraft(session.tokenHash, trygghetslarm)
    await db`update drafts set answers = '{"doorCode": "2468"}' where id = ${draft.id}`

    await rotateAnswerKeys(db)
    const [c] = await db<{ answers: Record<string, unknown>; text: string }[]>`select answers, answers::text as text from cases where id = ${id}`
    expect(c!.text).not.toContain('4711')
    expect(openAnswers(c!.answers, caseScope(id)).doorCode).toBe('4711')
    const [d] = await db<{ text: string }[]>`select answers::text as text from drafts where id = ${draft.id}`
    expect(d!.text).not.toContain('2468')
    expect((await findDraft(session.tokenHash, trygghetslarm.id))!.answers.doorCode).toBe('2468')
  })

  it('re-encrypts drafts and received cases under the new key; the old key can then go', async () => {
    const id = await receiveTrygghetslarm(SEVENTY)
    const { session } = await createSession(new Request('http://x/'), 'visitor')
    const draft = await createDraft(session.tokenHash, trygghetslarm)
    await saveDraftAnswers(draft.id, { doorCode: '1357' }, { def: trygghetslarm })
    const old = answerKeys()
    const next = parseAnswerKeys(`${newAnswerKey('k-next')},${old.current.kid}:${old.current.key.toString('base64')}`)

    const done = await rotateAnswerKeys(db, next)
    expect(done.cases).toBeGreaterThanOrEqual(1)
    expect(done.drafts).toBeGreaterThanOrEqual(1)
    const [c] = await db<{ answers: { doorCode: Envelope } }[]>`select answers from cases where id = ${id}`
    expect(c!.answers.doorCode.kid).toBe('k-next')
    const onlyNew = parseAnswerKeys(`k-next:${next.current.key.toString('base64')}`)
    expect(openAnswers(c!.answers, caseScope(id), onlyNew).doorCode).toBe('4711')
    const [d] = await db<{ answers: { doorCode: Envelope } }[]>`select answers from drafts where id = ${draft.id}`
    expect(d!.answers.doorCode.kid).toBe('k-next')
    // Nothing left under the old key: a second run changes nothing.
    expect(await rotateAnswerKeys(db, next)).toEqual({ drafts: 0, cases: 0 })
  })

  it('still refuses any other change to a received case’s answers', async () => {
    const id = await receiveTrygghetslarm(SEVENTY)
    await expect(db`update cases set answers = answers || '{"pets": "En hund"}' where id = ${id}`).rejects.toThrow(/cannot change/)
    await expect(db`update cases set answers = answers - 'doorCode' where id = ${id}`).rejects.toThrow(/cannot change/)
    await expect(db`update cases set answers = jsonb_set(answers, '{doorCode}', '"4711"') where id = ${id}`).rejects.toThrow(/cannot change/)
  })
})
