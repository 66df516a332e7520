import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { newAnswerKey, parseAnswerKeys } from './answer-keys.server.ts'
import { EnvelopeError, isEnvelope, open, reseal, seal } from './envelope.ts'

const k1 = newAnswerKey('k1')
const k2 = newAnswerKey('k2')
const AAD = 'case:6f1c2d3e-0000-4000-8000-000000000001|doorCode'

describe('answer envelopes (AES-256-GCM)', () => {
  it('round-trips a value under the current key, with the key id beside the ciphertext and no plaintext in it', () => {
    const keys = parseAnswerKeys(`${k2},${k1}`)
    const e = seal(keys, '4711', AAD)
    expect(isEnvelope(e)).toBe(true)
    expect(e).toMatchObject({ $enc: 'v1', kid: 'k2' })
    expect(JSON.stringify(e)).not.toContain('4711')
    expect(open(keys, e, AAD)).toBe('4711')
    // A fresh IV each time: the same code twice does not give the same ciphertext.
    expect(seal(keys, '4711', AAD).ct).not.toBe(e.ct)
  })

  it('does not open with another case or field as AAD, or with a changed tag or ciphertext', () => {
    const keys = parseAnswerKeys(k1)
    const e = seal(keys, '4711', AAD)
    expect(() => open(keys, e, 'case:6f1c2d3e-0000-4000-8000-000000000002|doorCode')).toThrow(EnvelopeError)
    expect(() => open(keys, e, 'case:6f1c2d3e-0000-4000-8000-000000000001|pets')).toThrow(EnvelopeError)
    const tag = Buffer.from(e.tag, 'base64')
    tag[0]! ^= 1
    expect(() => open(keys, { ...e, tag: tag.toString('base64') }, AAD)).toThrow('does not open: it was altered or belongs to another case or field')
    const ct = Buffer.from(e.ct, 'base64')
    ct[0]! ^= 1
    expect(() => open(keys, { ...e, ct: ct.toString('base64') }, AAD)).toThrow(EnvelopeError)
  })

  it('refuses a shortened tag or IV: GCM checks only as many tag bytes as it is given, so a 4-byte tag is forged in 2^32 tries', () => {
    const keys = parseAnswerKeys(k1)
    const e = seal(keys, '4711', AAD)
    for (const n of [4, 8, 12, 15]) {
      const tag = Buffer.from(e.tag, 'base64').subarray(0, n).toString('base64')
      expect(() => open(keys, { ...e, tag }, AAD)).toThrow(EnvelopeError)
    }
    expect(() => open(keys, { ...e, iv: Buffer.from(e.iv, 'base64').subarray(0, 8).toString('base64') }, AAD)).toThrow(EnvelopeError)
  })

  it('says which key is missing when an envelope names a key id ANSWER_KEYS lacks', () => {
    const e = seal(parseAnswerKeys(k1), '4711', AAD)
    expect(() => open(parseAnswerKeys(k2), e, AAD)).toThrow('Answer key "k1" is not among ANSWER_KEYS (k2): add it back until npm run keys:rotate has re-encrypted its answers.')
  })

  it('rotates: an envelope under an old key is sealed again under the current one, one already current is left as it is', () => {
    const old = seal(parseAnswerKeys(k1), { a: 1 }, AAD)
    const keys = parseAnswerKeys(`${k2},${k1}`)
    const again = reseal(keys, old, AAD)
    expect(again.kid).toBe('k2')
    expect(open(parseAnswerKeys(k2), again, AAD)).toEqual({ a: 1 })
    expect(reseal(keys, again, AAD)).toBe(again)
  })
})

describe('ANSWER_KEYS', () => {
  it('takes the first key as current and all for decrypting', () => {
    const keys = parseAnswerKeys(` ${k2} , ${k1} `)
    expect(keys.current.kid).toBe('k2')
    expect([...keys.all.keys()]).toEqual(['k2', 'k1'])
  })

  it('refuses keys of the wrong length, malformed entries and a repeated id, naming no key bytes', () => {
    const short = randomBytes(16).toString('base64')
    expect(() => parseAnswerKeys(`k1:${short}`)).toThrow('ANSWER_KEYS key "k1" must be 32 bytes in base64')
    expect(() => parseAnswerKeys(`k1:${short}`)).not.toThrow(short)
    expect(() => parseAnswerKeys('')).toThrow('ANSWER_KEYS is empty')
    expect(() => parseAnswerKeys(':abc')).toThrow('ANSWER_KEYS entry 1 needs the form id:base64key')
    expect(() => parseAnswerKeys(`${k1},${k1}`)).toThrow('names the key id "k1" twice')
  })
})
