import { createHash } from 'node:crypto'
import type { FormDefinition } from '../../forms/kit/index.ts'
import { sql } from '../db/sql.server.ts'

const hashes = new WeakMap<FormDefinition, string>()
/** Hashes this process has stored, per database: tests switch databases in one process. */
const stored = new Set<string>()

/**
 * The hash under which `def` is in form_definitions, storing it there first if this process has not yet.
 * Outside the receiving transaction, so the insert never waits behind (or holds up) a case being received.
 */
export async function storedDefinition(def: FormDefinition): Promise<string> {
  let hash = hashes.get(def)
  if (!hash) {
    hash = createHash('sha256').update(JSON.stringify(def)).digest('hex')
    hashes.set(def, hash)
  }
  const key = `${process.env.DATABASE_URL ?? ''} ${hash}`
  if (!stored.has(key)) {
    await sql()`insert into form_definitions (hash, form_id, version, definition)
      values (${hash}, ${def.id}, ${def.version}, ${sql().json(def as never)}) on conflict (hash) do nothing`
    stored.add(key)
  }
  return hash
}
