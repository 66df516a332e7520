/**
 * What a set of new migrations can change for code written before them (the rolling-deploy check,
 * docs/operations.md). A statement that only adds (a new table, a plain index, a comment) cannot break a query
 * the previous release makes; one that alters, replaces, drops, constrains or rewrites an object the previous
 * release's schema already had can. `reachedObjects` names those objects, widened through the previous
 * release's own functions, views and triggers that use them, so a caller of such a function is found too.
 *
 * It reads SQL only as far as it needs to: statements are split with quotes, comments and dollar-quoted bodies
 * respected, and a statement it does not recognise makes the answer "everything" (`null`), never "nothing".
 */

/** SQL split into statements, comments dropped; quoted text and dollar-quoted bodies are kept whole. */
export function statements(sql: string): string[] {
  const out: string[] = []
  let current = ''
  let i = 0
  while (i < sql.length) {
    const rest = sql.slice(i)
    if (rest.startsWith('--')) {
      const end = sql.indexOf('\n', i)
      i = end < 0 ? sql.length : end + 1
      current += ' '
      continue
    }
    if (rest.startsWith('/*')) {
      const end = sql.indexOf('*/', i + 2)
      i = end < 0 ? sql.length : end + 2
      current += ' '
      continue
    }
    const dollar = /^\$[A-Za-z_]*\$/.exec(rest)
    if (dollar) {
      const end = sql.indexOf(dollar[0], i + dollar[0].length)
      const stop = end < 0 ? sql.length : end + dollar[0].length
      current += sql.slice(i, stop)
      i = stop
      continue
    }
    const ch = sql[i]!
    if (ch === "'" || ch === '"') {
      let j = i + 1
      while (j < sql.length) {
        if (sql[j] === ch && sql[j + 1] === ch) j += 2
        else if (sql[j] === ch) break
        else j++
      }
      current += sql.slice(i, j + 1)
      i = j + 1
      continue
    }
    if (ch === ';') {
      if (current.trim()) out.push(current.trim())
      current = ''
    } else current += ch
    i++
  }
  if (current.trim()) out.push(current.trim())
  return out
}

const name = String.raw`(?:"?[a-z_][a-z0-9_$]*"?\.)?"?([a-z_][a-z0-9_$]*)"?`
const unquote = (s: string) => s.replace(/"/g, '')

/** Statements that only add what older code cannot see or does not use. */
const ADDITIVE = [
  /^create (?:unlogged )?table /,
  /^create index /,
  /^create sequence /,
  /^create extension /,
  /^create type /,
  /^comment on /,
  /^grant /,
  /^revoke /,
  /^analyze\b/,
  /^select /,
  /^set /,
]

/** Statements that change an object older code may use, with where its name is. */
const REACHING: RegExp[] = [
  new RegExp(`^alter (?:table|view|materialized view|function|procedure|type|index|sequence|domain) (?:if exists )?(?:only )?${name}`),
  new RegExp(`^drop (?:table|view|materialized view|function|procedure|type|index|sequence|domain) (?:concurrently )?(?:if exists )?${name}`),
  new RegExp(`^create (?:or replace )?(?:materialized )?(?:view|function|procedure) ${name}`),
  new RegExp(`^create unique index (?:concurrently )?(?:if not exists )?(?:${name} )?on (?:only )?${name}`),
  new RegExp(`^create (?:or replace )?(?:constraint )?trigger ${name} .*? on ${name}`),
  new RegExp(`^drop trigger (?:if exists )?${name} on ${name}`),
  new RegExp(`^create (?:or replace )?rule ${name} as on \\w+ to ${name}`),
  new RegExp(`^update (?:only )?${name}`),
  new RegExp(`^delete from (?:only )?${name}`),
  new RegExp(`^insert into ${name}`),
  new RegExp(`^truncate (?:table )?(?:only )?${name}`),
]

/** The names of existing objects one statement changes; `null` when the statement is not understood. */
export function reachOfStatement(statement: string): string[] | null {
  const s = statement.replace(/\s+/g, ' ').toLowerCase()
  if (ADDITIVE.some((re) => re.test(s))) return []
  for (const re of REACHING) {
    const m = re.exec(s)
    if (m) return m.slice(1).filter((g): g is string => g !== undefined).map(unquote)
  }
  return null
}

interface Definition {
  /** The statements that define it, lower-cased. */
  text: string
  /** For a trigger, the table it fires on: a changed trigger function changes writes to that table. */
  table?: string
}

/** Functions, views and triggers an older schema defines, and its tables' own statements. */
function definitions(sql: string): { routines: Map<string, Definition>; tables: Map<string, string> } {
  const routines = new Map<string, Definition>()
  const tables = new Map<string, string>()
  const routine = new RegExp(`^create (?:or replace )?(?:materialized )?(?:view|function|procedure) ${name}`)
  const trigger = new RegExp(`^create (?:or replace )?(?:constraint )?trigger ${name} .*? on ${name}`)
  const table = new RegExp(`^(?:create (?:unlogged )?table (?:if not exists )?|alter table (?:if exists )?(?:only )?)${name}`)
  for (const statement of statements(sql)) {
    const s = statement.replace(/\s+/g, ' ').toLowerCase()
    let m: RegExpExecArray | null
    if ((m = routine.exec(s))) {
      const key = unquote(m[1]!)
      routines.set(key, { text: `${routines.get(key)?.text ?? ''}\n${s}` })
    } else if ((m = trigger.exec(s))) {
      routines.set(unquote(m[1]!), { text: s, table: unquote(m[2]!) })
    } else if ((m = table.exec(s))) {
      const key = unquote(m[1]!)
      tables.set(key, `${tables.get(key) ?? ''}\n${s}`)
    }
  }
  return { routines, tables }
}

const mentions = (text: string, word: string) => new RegExp(`(?<![a-z0-9_])${word.replace(/\$/g, '\\$')}(?![a-z0-9_])`).test(text)

/**
 * The objects of the previous schema (`before`, its migrations' SQL) that the new migrations (`added`) change,
 * widened to what else they change for older code: the previous schema's functions, views and triggers that
 * use a changed object, the table a changed trigger fires on, and a table whose columns or defaults call a
 * changed function (a generated column, say). `null` means "cannot tell": treat everything as reached.
 */
export function reachedObjects(before: string, added: string): Set<string> | null {
  const reached = new Set<string>()
  const old = before.toLowerCase()
  for (const statement of statements(added)) {
    const names = reachOfStatement(statement)
    if (names === null) return null
    // A name the previous schema never mentions is new in this release: nothing older uses it.
    for (const n of names) if (mentions(old, n)) reached.add(n)
  }
  const { routines, tables } = definitions(before)
  const reachedRoutines = () => [...reached].filter((n) => routines.has(n))
  for (let grew = true; grew; ) {
    grew = false
    const add = (n: string) => {
      if (!reached.has(n)) {
        reached.add(n)
        grew = true
      }
    }
    for (const [object, { text, table }] of routines) {
      if (reached.has(object)) {
        if (table) add(table)
        // A trigger is changed by what it runs, not by a change to the table it sits on.
      } else if ([...reached].some((n) => n !== table && mentions(text, n))) add(object)
    }
    // Tables widen through routines only: a table that merely references a changed table is not changed.
    for (const [object, text] of tables) if (!reached.has(object) && reachedRoutines().some((n) => mentions(text, n))) add(object)
  }
  return reached
}

/** Whether source text names any of the reached objects. */
export function namesAny(source: string, objects: Set<string>): boolean {
  const text = source.toLowerCase()
  return [...objects].some((n) => mentions(text, n))
}
