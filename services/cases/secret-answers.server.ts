import { SECRET, secretFields, type Answers, type FormDefinition, type Sensitivity } from '#forms/kit/index.ts'
import { answerKeys } from '../crypto/answer-keys.server.ts'
import { isEnvelope, open, reseal, seal, type Envelope, type Keyring } from '../crypto/envelope.ts'
import { log } from '../log/logger.server.ts'

// Secret answers (door codes) are stored encrypted wherever answers are stored — drafts and cases — and
// are plain only in memory (ADR 019). Everything that writes answers seals them with the row's scope;
// what reads them opens them only for someone allowed to see them, else masks them.

/** What an envelope is bound to besides its field: the row it is stored in. */
export const caseScope = (id: string) => `case:${id}`
export const draftScope = (id: string) => `draft:${id}`

/** The AAD of the answer at `path` (the field id; for a group's sub-field `group.item.sub`) in `scope`. */
const aadOf = (scope: string, path: string) => `${scope}|${path}`

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

/** The answers with every secret one the definition marks encrypted for `scope`; others untouched. */
export function sealAnswers(def: Pick<FormDefinition, 'pages'>, answers: Answers, scope: string, keys?: Keyring): Answers {
  const secret = secretFields(def.pages)
  if (secret.fields.length === 0 && secret.groups.length === 0) return answers
  const k = keys ?? answerKeys()
  const sealOne = (v: unknown, path: string) => (blank(v) || isEnvelope(v) ? v : seal(k, v, aadOf(scope, path)))
  const out: Answers = { ...answers }
  for (const id of secret.fields) if (id in out) out[id] = sealOne(out[id], id)
  for (const g of secret.groups) {
    const items = out[g.id]
    if (!items || typeof items !== 'object') continue
    const sealItem = (item: unknown, i: string) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) return item
      const copy = { ...(item as Record<string, unknown>) }
      for (const sub of g.subs) if (sub in copy) copy[sub] = sealOne(copy[sub], `${g.id}.${i}.${sub}`)
      return copy
    }
    out[g.id] = Array.isArray(items)
      ? items.map((item, i) => sealItem(item, String(i)))
      : Object.fromEntries(Object.entries(items).map(([i, item]) => [i, sealItem(item, i)]))
  }
  return out
}

/** Replaces every envelope in `value` (found by shape, wherever it is) by what `f` makes of it. */
function mapEnvelopes(value: unknown, path: string, f: (e: Envelope, path: string) => unknown): unknown {
  if (isEnvelope(value)) return f(value, path)
  if (Array.isArray(value)) return value.map((v, i) => mapEnvelopes(v, path ? `${path}.${i}` : String(i), f))
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapEnvelopes(v, path ? `${path}.${k}` : k, f)]))
  return value
}

/** Whether any envelope is in `value`; answers without one (most e-services) are then passed on untouched. */
function hasEnvelopes(value: unknown): boolean {
  if (isEnvelope(value)) return true
  if (Array.isArray(value)) return value.some(hasEnvelopes)
  return value !== null && typeof value === 'object' && Object.values(value).some(hasEnvelopes)
}

/** The answers with their secret ones decrypted: only for readers allowed to see them. */
export function openAnswers(answers: Answers, scope: string, keys?: Keyring): Answers {
  if (!hasEnvelopes(answers)) return answers
  const k = keys ?? answerKeys()
  return mapEnvelopes(answers, '', (e, path) => open(k, e, aadOf(scope, path))) as Answers
}

/** A draft's answers as its owner continues, checks and sends them. */
export const openDraftAnswers = (draftId: string, answers: Answers) => openAnswers(answers, draftScope(draftId))

/** The answers as a draft row stores them. */
export const sealDraftAnswers = (draftId: string, def: Pick<FormDefinition, 'pages'>, answers: Answers) => sealAnswers(def, answers, draftScope(draftId))

/** Stands in for a secret answer that stays encrypted: not empty, so summaries say it is protected rather than missing. */
export const MASKED = '•••'

/** The answers with their secret ones masked, for readers who may not see them. */
export const maskAnswers = (answers: Answers): Answers => (hasEnvelopes(answers) ? (mapEnvelopes(answers, '', () => MASKED) as Answers) : answers)

/** Shown in place of a secret answer that does not open (its key left ANSWER_KEYS, or the row was altered). */
export const UNREADABLE = 'Kan inte visas – kontakta systemförvaltningen'

/**
 * The answers a reader with redaction `redact` (services/cases/sensitive.ts) is shown: secret ones open only
 * when it does not redact them. One answer that does not open does not take the whole case page down with it.
 */
export function answersShown(answers: Answers, caseId: string, redact: readonly Sensitivity[]): Answers {
  if (redact.includes(SECRET)) return maskAnswers(answers)
  if (!hasEnvelopes(answers)) return answers
  const keys = answerKeys()
  return mapEnvelopes(answers, '', (e, path) => {
    try {
      return open(keys, e, aadOf(caseScope(caseId), path))
    } catch (err) {
      // The message names the key id and says nothing of the answer.
      log.error({ caseId, answer: path, err }, 'a secret answer could not be opened')
      return UNREADABLE
    }
  }) as Answers
}

/** Every envelope re-encrypted under the current key, the AAD kept; null when none needed it. */
export function resealAnswers(answers: Answers, scope: string, keys: Keyring = answerKeys()): Answers | null {
  let changed = false
  const out = mapEnvelopes(answers, '', (e, path) => {
    const again = reseal(keys, e, aadOf(scope, path))
    if (again !== e) changed = true
    return again
  }) as Answers
  return changed ? out : null
}
