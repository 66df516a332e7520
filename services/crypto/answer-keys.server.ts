import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Keyring } from './envelope.ts'
import { env } from '../env.server.ts'

// The keys that encrypt secret answers (ADR 019): ANSWER_KEYS="k2:<base64 32 bytes>,k1:<old key>", the first
// encrypting and all decrypting. Production must set it (readEnv refuses to start without a valid value);
// elsewhere one key is made once and kept in the git-ignored .data folder, so restarts read their old answers.

const KID = /^[A-Za-z0-9_-]{1,32}$/
export const DEV_KEY_FILE = '.data/answer-keys'

/** Parses ANSWER_KEYS; throws an Error whose message says what is wrong (never echoing a key). */
export function parseAnswerKeys(text: string): Keyring {
  const entries = text.split(',').map((s) => s.trim()).filter(Boolean)
  if (entries.length === 0) throw new Error('ANSWER_KEYS is empty: give at least one key as id:base64, e.g. k1:<32 random bytes in base64>.')
  const all = new Map<string, Buffer>()
  for (const [i, entry] of entries.entries()) {
    const colon = entry.indexOf(':')
    const kid = colon > 0 ? entry.slice(0, colon) : ''
    if (!KID.test(kid)) throw new Error(`ANSWER_KEYS entry ${i + 1} needs the form id:base64key, the id of letters, digits, - or _.`)
    const b64 = entry.slice(colon + 1)
    const key = Buffer.from(b64, 'base64')
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || key.length !== 32)
      throw new Error(`ANSWER_KEYS key "${kid}" must be 32 bytes in base64 (openssl rand -base64 32).`)
    if (all.has(kid)) throw new Error(`ANSWER_KEYS names the key id "${kid}" twice.`)
    all.set(kid, key)
  }
  const [kid, key] = [...all.entries()][0]!
  return { current: { kid, key }, all }
}

/** A new ANSWER_KEYS entry with a random key. */
export const newAnswerKey = (kid: string) => `${kid}:${randomBytes(32).toString('base64')}`

/** The key file outside production: made once (by whichever process is first), then read. */
function devKeys(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
  mkdirSync(dirname(file), { recursive: true })
  try {
    writeFileSync(file, `${newAnswerKey('dev1')}\n`, { flag: 'wx', mode: 0o600 })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
  }
  return readFileSync(file, 'utf8')
}

let cached: Keyring | undefined

/** The keyring from ANSWER_KEYS, or outside production from the key file (made on first use). */
export function answerKeys(): Keyring {
  if (cached) return cached
  const { ANSWER_KEYS: fromEnv, APP_ENV } = env()
  if (!fromEnv && APP_ENV === 'production')
    throw new Error('APP_ENV=production needs ANSWER_KEYS (the keys door codes are encrypted with): see the README.')
  cached = parseAnswerKeys(fromEnv ?? devKeys(resolve(DEV_KEY_FILE)))
  return cached
}
