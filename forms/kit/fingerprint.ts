import canonicalize from 'canonicalize'
import { visiblePages } from './schema.ts'
import type { Answers, FieldDef, FormDefinition, PageDef } from './types.ts'

/** Per field id, a short hash of what decides whether an answer to it is still valid. */
export type Fingerprints = Record<string, string>

/**
 * Keys that only present a question or decide when it is asked: a reworded label, a new hint or a field
 * that became optional leaves an answer as good as it was, so those must not make a citizen answer again.
 * Option values, lengths, bounds, accepted file types and the page rules on the field do count.
 */
const IGNORED = new Set([
  'label', 'hint', 'errors', 'purpose', 'itemLabel', 'addLabel', 'totalLabel', 'unit', 'message',
  'autocomplete', 'rows', 'inputMode', 'prefill', 'sensitive', 'optional', 'visibleWhen', 'native', 'lang',
])

/** The value without the ignored keys, at every level. */
function relevant(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relevant)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => !IGNORED.has(k)).map(([k, v]) => [k, relevant(v)]))
  return value
}

/** RFC 8785 canonical JSON of what counts, so equal definitions give equal strings. */
const canonical = (value: unknown): string => canonicalize(relevant(value)) ?? 'null'

/** cyrb53: a fast 53-bit string hash; forms/ stays browser-safe, so no node:crypto. Not for secrets. */
function hash(s: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

const rulesOn = (page: PageDef, id: string) =>
  (page.rules ?? []).filter((r) => r.target === id || ('fields' in r && r.fields.includes(id)) || ('field' in r && r.field === id))

const cache = new WeakMap<FormDefinition, Fingerprints>()

/** The fingerprint of every field of the definition: the field's own rules and the page rules that name it. */
export function fingerprints(def: FormDefinition): Fingerprints {
  const known = cache.get(def)
  if (known) return known
  const out: Fingerprints = {}
  for (const page of def.pages)
    for (const f of page.fields) out[f.id] = hash(canonical({ field: f, rules: rulesOn(page, f.id) }))
  cache.set(def, out)
  return out
}

export type Reopened = {
  /** The answers still valid on this definition. */
  answers: Answers
  /** Field ids whose answers were let go: the field changed or is gone. */
  dropped: string[]
  /** The first applicable page with a question to answer again (changed, or new and required); null when none. */
  changedPage: string | null
}

/**
 * Opens a draft saved under `saved` fingerprints on the definition `def`, which may be newer: answers to
 * unchanged fields stay, answers to changed or removed fields go, and the first page where the citizen has
 * something to answer again is named. A draft saved before fingerprints existed (`saved` null) is trusted
 * on its own version and emptied on any other, since nothing tells which of its answers still hold.
 */
export function reopenAnswers(def: FormDefinition, answers: Answers, saved: Fingerprints | null, savedVersion: number): Reopened {
  if (!saved && savedVersion === def.version) return { answers, dropped: [], changedPage: null }
  const before = saved ?? {}
  const now = fingerprints(def)
  const kept: Answers = {}
  const dropped: string[] = []
  for (const [id, value] of Object.entries(answers)) {
    if (now[id] !== undefined && now[id] === before[id]) kept[id] = value
    else dropped.push(id)
  }
  const isChanged = (f: FieldDef) => dropped.includes(f.id) || (before[f.id] === undefined && !f.optional)
  const page = visiblePages(def, kept).find((p) => p.fields.some(isChanged))
  return { answers: kept, dropped, changedPage: page?.id ?? null }
}
