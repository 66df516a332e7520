import type { FieldDef, GroupField, Sensitivity } from './types.ts'

/**
 * Answers kept encrypted at rest (door codes, `sensitive: 'code'`): the marking a definition already
 * carries is the one source of truth; no second flag. Client-safe: only the server encrypts.
 */
export const SECRET: Sensitivity = 'code'
export const isSecret = (f: Pick<FieldDef, 'sensitive'>): boolean => f.sensitive === SECRET

type Secrets = { fields: string[]; groups: { id: string; subs: string[] }[] }
// Worked out once per definition: every save and send asks.
const known = new WeakMap<object, Secrets>()

/** The secret answers a definition has: top-level field ids and, per group, its secret sub-field ids. */
export function secretFields(pages: readonly { fields: readonly FieldDef[] }[]): Secrets {
  let s = known.get(pages)
  if (!s) known.set(pages, (s = findSecrets(pages)))
  return s
}

function findSecrets(pages: readonly { fields: readonly FieldDef[] }[]): Secrets {
  const all = pages.flatMap((p) => p.fields)
  return {
    fields: all.filter((f) => f.kind !== 'group' && isSecret(f)).map((f) => f.id),
    groups: all
      .filter((f): f is GroupField => f.kind === 'group')
      .map((g) => ({ id: g.id, subs: g.fields.filter(isSecret).map((s) => s.id) }))
      .filter((g) => g.subs.length > 0),
  }
}
