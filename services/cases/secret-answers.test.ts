import { redirectLogs } from '../log/logger.server.ts'
import { describe, expect, it } from 'vitest'
import { summarise, type FormDefinition } from '#forms/kit/index.ts'
import { trygghetslarm } from '#forms/trygghetslarm/index.ts'
import { newAnswerKey, parseAnswerKeys } from '../crypto/answer-keys.server.ts'
import { isEnvelope } from '../crypto/envelope.ts'
import { answersShown, caseScope, draftScope, maskAnswers, openAnswers, resealAnswers, sealAnswers, UNREADABLE } from './secret-answers.server.ts'

const keys = parseAnswerKeys(newAnswerKey('k1'))
const CASE = caseScope('0b6f3c56-2a4e-4d5b-9a37-1f0e8d2c4b11')

/** A group with a secret sub-field, as the kit allows (no e-service has one yet). */
const WITH_GROUP: Pick<FormDefinition, 'pages'> = {
  pages: [{
    id: 'p', title: { sv: 'P', en: 'P' },
    fields: [{
      id: 'keys', kind: 'group', max: 3, label: { sv: 'Nycklar', en: 'Keys' }, itemLabel: { sv: 'Nyckel', en: 'Key' },
      fields: [
        { id: 'place', kind: 'text', label: { sv: 'Plats', en: 'Place' } },
        { id: 'code', kind: 'text', optional: true, sensitive: 'code', label: { sv: 'Kod', en: 'Code' } },
      ],
    }],
  }],
}

describe('secret answers in stored JSON', () => {
  it('encrypts exactly the answers the definition marks sensitive: code, and nothing else', () => {
    const sealed = sealAnswers(trygghetslarm, { doorCode: '4711', pets: 'En katt', phone: '070' }, CASE, keys)
    expect(isEnvelope(sealed.doorCode)).toBe(true)
    expect(sealed).toMatchObject({ pets: 'En katt', phone: '070' })
    expect(JSON.stringify(sealed)).not.toContain('4711')
    expect(openAnswers(sealed, CASE, keys)).toEqual({ doorCode: '4711', pets: 'En katt', phone: '070' })
  })

  it('leaves a blank answer blank and an envelope as it is (sealing twice changes nothing)', () => {
    expect(sealAnswers(trygghetslarm, { doorCode: '' }, CASE, keys)).toEqual({ doorCode: '' })
    const once = sealAnswers(trygghetslarm, { doorCode: '1' }, CASE, keys)
    expect(sealAnswers(trygghetslarm, once, CASE, keys)).toEqual(once)
  })

  it('encrypts a group’s secret sub-field per item, bound to the item', () => {
    const sealed = sealAnswers(WITH_GROUP, { keys: [{ place: 'Hallen', code: '1234' }, { place: 'Källaren', code: '9876' }] }, CASE, keys)
    const items = sealed.keys as { place: string; code: unknown }[]
    expect(items.map((i) => i.place)).toEqual(['Hallen', 'Källaren'])
    expect(items.every((i) => isEnvelope(i.code))).toBe(true)
    expect(openAnswers(sealed, CASE, keys)).toEqual({ keys: [{ place: 'Hallen', code: '1234' }, { place: 'Källaren', code: '9876' }] })
    // Swapping the items' envelopes is noticed.
    expect(() => openAnswers({ keys: [{ ...items[0], code: items[1]!.code }, items[1]] }, CASE, keys)).toThrow('does not open')
  })

  it('does not open a draft’s envelope as a case’s', () => {
    const draft = sealAnswers(trygghetslarm, { doorCode: '4711' }, draftScope('0b6f3c56-2a4e-4d5b-9a37-1f0e8d2c4b11'), keys)
    expect(() => openAnswers(draft, CASE, keys)).toThrow('does not open')
  })

  it('masks envelopes for readers who may not see them, so the summary says protected, not missing', () => {
    const masked = maskAnswers(sealAnswers(trygghetslarm, { doorCode: '4711' }, CASE, keys))
    expect(masked.doorCode).not.toContain('4711')
    const rows = summarise(trygghetslarm, masked, 'sv', { redact: ['code', 'health'] }).flatMap((s) => s.rows)
    expect(rows.find((r) => r.fieldId === 'doorCode')?.value).toMatch(/^Skyddad uppgift/)
  })

  it('shows a door code that does not open as unreadable, keeping the other answers on the page', () => {
    const sealed = sealAnswers(trygghetslarm, { doorCode: '4711', pets: 'Hund' }, caseScope('someone-else'), keys)
    const lines: string[] = []
    const restore = redirectLogs({ write: (line: string) => lines.push(line) })
    expect(answersShown(sealed, '0b6f3c56-2a4e-4d5b-9a37-1f0e8d2c4b11', [])).toEqual({ doorCode: UNREADABLE, pets: 'Hund' })
    restore()
    const logged = lines.join('')
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', answer: 'doorCode' })
    expect(logged).not.toContain('4711')
  })

  it('re-encrypts under the current key only what an older key holds', () => {
    const old = sealAnswers(trygghetslarm, { doorCode: '4711', pets: 'Hund' }, CASE, keys)
    const rotated = parseAnswerKeys(`${newAnswerKey('k2')},k1:${keys.current.key.toString('base64')}`)
    const again = resealAnswers(old, CASE, rotated)!
    expect((again.doorCode as { kid: string }).kid).toBe('k2')
    expect(openAnswers(again, CASE, rotated)).toEqual({ doorCode: '4711', pets: 'Hund' })
    expect(resealAnswers(again, CASE, rotated)).toBeNull()
  })
})
