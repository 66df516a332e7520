/**
 * The rolling-deploy rule for migrations (ADR 028, docs/operations.md): while a new release rolls out, the
 * previous release still runs against the migrated schema, so a migration may only expand it. What would
 * break the previous release's queries — a table, column, view, function or type dropped or renamed, a
 * column's type changed, NOT NULL set on an existing column, or a new NOT NULL column without a default
 * (the old code's inserts do not name it) — is a contraction. It goes in a migration of its own, in a
 * release after the one that stopped using the old shape, whose first line says so: `-- contract: <why>`.
 */
const CONTRACTIONS: [RegExp, string][] = [
  [/\bdrop\s+(table|view|materialized\s+view|function|procedure|type|schema|sequence)\b/i, 'drops a $1'],
  [/\bdrop\s+column\b/i, 'drops a column'],
  [/\brename\s+(to|column)\b/i, 'renames'],
  [/\balter\s+column\s+\S+\s+(set\s+data\s+)?type\b/i, "changes a column's type"],
  [/\balter\s+column\s+\S+\s+set\s+not\s+null\b/i, 'sets NOT NULL on an existing column'],
]

/** Migrations numbered up to this one were written before the rule; they are not checked. */
export const CHECKED_AFTER = '00018'

const withoutCommentsAndBodies = (sql: string) =>
  sql.replace(/\$([a-z_]*)\$[\s\S]*?\$\1\$/gi, '$$$$').replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '')

/** What in `sql` contracts the schema, one line per statement; empty when the migration only expands it. */
export function contractions(sql: string): string[] {
  const found: string[] = []
  for (const raw of withoutCommentsAndBodies(sql).split(';')) {
    const statement = raw.replace(/\s+/g, ' ').trim()
    if (!statement) continue
    for (const [pattern, what] of CONTRACTIONS) {
      const m = pattern.exec(statement)
      if (m) found.push(`${what.replace('$1', (m[1] ?? '').toLowerCase())}: ${statement.slice(0, 120)}`)
    }
    // Each added column of an ALTER TABLE on its own: NOT NULL needs a default (or to be generated).
    for (const add of statement.split(/,(?=\s*add\s)/i)) {
      const column = /\badd\s+(?:column\s+)?(?!constraint\b)(\S+)\s+(.*)$/i.exec(add.trim())
      if (column && /\bnot\s+null\b/i.test(column[2]!) && !/\b(default|generated)\b/i.test(column[2]!))
        found.push(`adds NOT NULL column ${column[1]} without a default: ${statement.slice(0, 120)}`)
    }
  }
  return found
}

/** Whether the migration declares itself a contraction on its first line. */
export const declaresContraction = (sql: string) => /^\s*--\s*contract:\s*\S/i.test(sql)
