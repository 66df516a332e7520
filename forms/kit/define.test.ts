import { describe, expect, it } from 'vitest'
import { afterReceipt, defineForm, type FormDefinition } from './index.ts'

const L = (sv: string) => ({ sv, en: sv })
const base = {
  id: 'def', version: 1, caseNumberPrefix: 'DEF', identification: 'none', sign: false, handlingDays: 5, afterReceipt: { sv: 'Svar inom {days} dagar.', en: 'An answer within {days} days.' },
  title: L('D'), description: L(''), routing: { team: 't' },
} as const
const broken = (extra: Partial<FormDefinition>, pages: unknown[]) => () => defineForm({ ...base, ...extra, pages } as FormDefinition)
const page = (fields: unknown[], rules: unknown[] = []) => ({ id: 'p', title: L('P'), fields, rules })

describe('defineForm checks the new constructs', () => {
  it('what happens after receipt: the handling time is a whole number of days and both languages tell it', () => {
    const ok = [page([{ id: 'a', kind: 'text', label: L('A') }])]
    expect(broken({ afterReceipt: { sv: 'Vi hör av oss snart.', en: 'An answer within {days} days.' } }, ok))
      .toThrow('afterReceipt.sv must tell the handling time with {days}')
    expect(broken({ afterReceipt: { sv: 'Svar inom {days} dagar.', en: 'Soon.' } }, ok)).toThrow('afterReceipt.en must tell the handling time with {days}')
    expect(broken({ handlingDays: 0 }, ok)).toThrow('handlingDays must be a whole number of days, at least 1')
    expect(broken({ handlingDays: 2.5 }, ok)).toThrow('handlingDays must be a whole number of days, at least 1')
    const def = broken({ handlingDays: 12 }, ok)()
    expect(afterReceipt(def, 'sv')).toBe('Svar inom 12 dagar.')
    expect(afterReceipt(def, 'en')).toBe('An answer within 12 days.')
    // A case received before definitions said it: nothing is made up.
    expect(afterReceipt({ handlingDays: 12 }, 'sv')).toBeNull()
  })
  it('groups: sub-field ids and kinds, bounds, tally, no conditions inside', () => {
    expect(broken({}, [page([{
      id: 'g', kind: 'group', label: L('G'), itemLabel: L('{n}'), min: 4, max: 3,
      tally: { field: 'name', label: L('T') },
      fields: [
        { id: 'name', kind: 'text', label: L('N') },
        { id: 'name', kind: 'text', label: L('N'), visibleWhen: { field: 'x', equals: 'y' } },
        { id: 'pic', kind: 'file', label: L('F'), accept: [], maxFiles: 1, maxSizeMb: 1 },
        { id: 'Bad', kind: 'slider', label: L('S') },
      ],
    }])])).toThrow(new RegExp([
      'group "g" needs 1 ≤ max and min ≤ max', 'duplicate field id "g.name"', '"g.name": fields in a group cannot have visibleWhen',
      '"g.pic": a group cannot hold file fields', 'field id "g.Bad" must be camelCase', 'unknown kind "slider" on "g.Bad"',
      'tally must name a number field',
    ].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')))
  })
  it('rules: fields on the page, of the right kinds', () => {
    expect(broken({}, [page([
      { id: 'total', kind: 'number', label: L('T') },
      { id: 'text', kind: 'text', label: L('X') },
    ], [
      { kind: 'sumAtMost', fields: ['text', 'nope'], max: 'total', target: 'text', message: L('m') },
      { kind: 'matchesIdentity', field: 'text', expect: 'same', target: 'text', message: L('m') },
    ])])).toThrow(/names "nope", not on that page[\s\S]*"text" is not a number[\s\S]*"text" is not a personnummer/)
  })
  it('attachments: laterField must be a checkbox on the page, and the slot required', () => {
    expect(broken({}, [page([
      { id: 'photo', kind: 'file', label: L('F'), accept: ['image/jpeg'], maxFiles: 1, maxSizeMb: 1, laterField: 'later', optional: true },
      { id: 'later', kind: 'text', label: L('L') },
    ])])).toThrow(/"photo".laterField must be a checkbox on the same page[\s\S]*optional, so laterField means nothing/)
  })
  it('flags, checks and fan-out: unique ids, known fields of the right kind, valid setting names', () => {
    expect(broken({
      flags: [
        { id: 'a', when: { ageBelow: { field: 'n', setting: 'min-age' } }, reason: L('r'), clear: L('c') },
        { id: 'a', when: { all: [{ field: 'ghost', equals: 'x' }, { pastDeadline: { setting: 's', dateField: 'n' } }] }, reason: L('r'), clear: L('c'), unknown: L('u') },
      ],
      checks: [{ id: 'c', label: L('c') }, { id: 'c', label: L('c') }],
      fanOut: [{ id: 'f', when: { field: 'ghost2', includes: 'x' }, team: '', title: L('f') }],
    }, [page([{ id: 'n', kind: 'number', label: L('N') }])])).toThrow(new RegExp([
      '"n" must be a personnummer', 'setting "min-age" must be camelCase', 'flag "a" can come out unknown and needs an "unknown" text', 'unknown field "ghost"', 'dateField "n" must be a date field',
      'duplicate flag id "a"', 'duplicate check id "c"', 'fanOut "f" refers to unknown field "ghost2"', 'fanOut "f" has no team',
    ].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')))
  })
  it('prefill: only text or personnummer, with a known condition', () => {
    expect(broken({}, [page([{ id: 'n', kind: 'number', label: L('N'), prefill: { from: 'name', when: { field: 'zz', equals: 'x' } } }])]))
      .toThrow(/prefill of "n" refers to unknown field "zz"[\s\S]*"n" can only be prefilled if it is text or personnummer/)
  })
  it('a text pattern must be a regular expression', () => {
    expect(broken({}, [page([{ id: 'x', kind: 'text', label: L('X'), pattern: '([' }])])).toThrow(/"x".pattern is not a regular expression/)
  })
  it('a point on a map is optional (no map without JavaScript), and an address may only turn autocomplete off', () => {
    expect(broken({}, [page([{ id: 'p', kind: 'mappoint', input: 'map', label: L('P') }])])).toThrow(/"p" is answered on a map, which needs JavaScript: make it optional/)
    expect(() => defineForm({ ...base, pages: [page([{ id: 'p', kind: 'mappoint', input: 'map', optional: true, label: L('P') }])] } as FormDefinition)).not.toThrow()
    expect(broken({}, [page([{ id: 'a', kind: 'address', autocomplete: 'street-address', label: L('A') }])])).toThrow(/"a".autocomplete can only be "off"/)
  })
})
