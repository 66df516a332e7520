import { createHash } from 'node:crypto'
import type { FormDefinition } from '#forms/kit/index.ts'
import { sql, type Sql, type Tx } from '../db/sql.server.ts'

const hashes = new WeakMap<FormDefinition, string>()
/** Hashes this process has stored, per pool: a pool is one database, and tests switch databases in one process. */
const stored = new WeakMap<Sql, Set<string>>()

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
  const db = sql()
  let done = stored.get(db)
  if (!done) stored.set(db, (done = new Set()))
  if (!done.has(hash)) {
    await storeDefinition(db, def, hash)
    done.add(hash)
  }
  return hash
}

/** Puts the definition in form_definitions under its hash, if it is not there already. */
export function storeDefinition(db: Sql | Tx, def: FormDefinition, hash: string) {
  return db`insert into form_definitions (hash, form_id, version, definition)
    values (${hash}, ${def.id}, ${def.version}, ${db.json(def as never)}) on conflict (hash) do nothing`
}
