/** Thrown by the format parsers when the bytes do not follow the format; caught in strip.ts. */
export class MalformedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MalformedError'
  }
}

export function malformed(message: string): never {
  throw new MalformedError(message)
}

/** A DataView over exactly the bytes of `b`: uploads often arrive as a slice of a larger pooled buffer. */
export function viewOf(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength)
}

/** Latin-1 text of `len` bytes at `at`; throws MalformedError past the end. */
export function ascii(b: Uint8Array, at: number, len: number): string {
  if (at < 0 || at + len > b.length) malformed(`text at ${at} runs past the end`)
  let s = ''
  for (let i = at; i < at + len; i++) s += String.fromCharCode(b[i] ?? 0)
  return s
}

/** Text up to the first NUL (or `end`), for C-style strings inside boxes. */
export function cString(b: Uint8Array, at: number, end: number): string {
  let i = at
  while (i < end && b[i] !== 0) i++
  return ascii(b, at, i - at)
}

/**
 * A copy that never shares memory with `b`. Not `b.slice()`: on a Node Buffer (what uploads usually
 * are) slice returns a view, and writing to it would change the caller's bytes.
 */
export function copyOf(b: Uint8Array): Uint8Array {
  return new Uint8Array(b)
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
