/**
 * Masks what must never reach a log line even when a message or an error text carries it: personnummer
 * and samordningsnummer (10 or 12 digits, with or without the separator) and e-mail addresses. Names and
 * answers cannot be recognised in free text; they are kept out by never passing them (the logger also cuts
 * such keys, see logger.server.ts).
 */
const PERSONNUMMER = /(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)/g
const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi

export function scrub(text: string): string {
  // .invalid is reserved (RFC 2606) and never anyone's address: the demo accounts' stay readable.
  return text.replace(EMAIL, (m) => (m.toLowerCase().endsWith('.invalid') ? m : '[e-post]')).replace(PERSONNUMMER, '[personnummer]')
}

/** PostgreSQL error fields that name the schema, never the values (detail, where and parameters can hold answers). */
const SQL_FIELDS = ['severity', 'schema_name', 'table_name', 'column_name', 'constraint_name', 'routine', 'position'] as const

/** An error as a log field: its kind, scrubbed message and stack, code and SQL context, and its causes. */
export function serializeError(e: unknown, depth = 0): Record<string, unknown> {
  if (!(e instanceof Error)) return { message: scrub(String(e)) }
  const fields = e as unknown as Record<string, unknown>
  // PostgreSQL quotes the offending value in some messages (invalid input syntax for type uuid: "…").
  const fromSql = typeof fields.severity === 'string'
  const text = (t: string) => scrub(fromSql ? t.replace(/"[^"]*"/g, '"…"') : t)
  const out: Record<string, unknown> = { type: e.name, message: text(e.message) }
  if (e.stack) out.stack = text(e.stack)
  if (typeof fields.code === 'string' || typeof fields.code === 'number') out.code = fields.code
  for (const k of SQL_FIELDS) if (typeof fields[k] === 'string') out[k] = fields[k]
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1)
  return out
}
