import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

// AES-256-GCM envelopes for single answers (ADR 019). An envelope replaces the answer's value in stored
// JSON and carries everything needed to open it except the key: the key id, so several keys can be in use
// while old envelopes are re-encrypted, and the IV and tag. The additional authenticated data names the
// case or draft and the field, so an envelope copied to another case or field does not open.

export type Envelope = { $enc: 'v1'; kid: string; iv: string; ct: string; tag: string }
export type AnswerKey = { kid: string; key: Buffer }
/** The first key encrypts; every key decrypts. */
export type Keyring = { current: AnswerKey; all: ReadonlyMap<string, Buffer> }

export class EnvelopeError extends Error {
  override name = 'EnvelopeError'
}

export function isEnvelope(v: unknown): v is Envelope {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false
  const e = v as Record<string, unknown>
  return e.$enc === 'v1' && typeof e.kid === 'string' && typeof e.iv === 'string' && typeof e.ct === 'string' && typeof e.tag === 'string'
}

const IV_BYTES = 12
const TAG_BYTES = 16

/** Encrypts a JSON value under the current key, bound to `aad`. */
export function seal(keys: Keyring, value: unknown, aad: string): Envelope {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', keys.current.key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()])
  return { $enc: 'v1', kid: keys.current.kid, iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') }
}

/** The value sealed in `e`; throws EnvelopeError for an unknown key id or when `aad` or any byte differs. */
export function open(keys: Keyring, e: Envelope, aad: string): unknown {
  const key = keys.all.get(e.kid)
  if (!key)
    throw new EnvelopeError(`Answer key "${e.kid}" is not among ANSWER_KEYS (${[...keys.all.keys()].join(', ')}): add it back until npm run keys:rotate has re-encrypted its answers.`)
  try {
    // The whole 16-byte tag and the 12-byte IV seal writes, nothing shorter: given a shortened tag, GCM checks
    // only its bytes, so a 4-byte tag would let an altered envelope through one time in 2^32.
    const iv = Buffer.from(e.iv, 'base64')
    const tag = Buffer.from(e.tag, 'base64')
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new EnvelopeError('wrong IV or tag length')
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(Buffer.from(aad, 'utf8'))
    decipher.setAuthTag(tag)
    const plain = Buffer.concat([decipher.update(Buffer.from(e.ct, 'base64')), decipher.final()])
    return JSON.parse(plain.toString('utf8'))
  } catch {
    throw new EnvelopeError(`An encrypted answer (key "${e.kid}") does not open: it was altered or belongs to another case or field.`)
  }
}

/** The same value under the current key (same AAD), or the envelope itself when it already is. */
export function reseal(keys: Keyring, e: Envelope, aad: string): Envelope {
  return e.kid === keys.current.kid ? e : seal(keys, open(keys, e, aad), aad)
}
