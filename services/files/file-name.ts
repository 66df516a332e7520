const MAX_LENGTH = 120
const FALLBACK = 'fil'
/** Longer "extensions" are just a dot in a long name, so they get cut like the rest of it. */
const MAX_EXTENSION = 16

/**
 * A file name as the browser sent it, made safe to show to staff and to offer as a download name
 * (Content-Disposition). It is never a path: files are stored under generated keys.
 *
 * The header writer must still quote the value and add filename*=UTF-8''…; this only makes sure there
 * is nothing left that could break out of the quotes, spoof the extension or name a directory.
 */
export function safeFileName(name: string): string {
  let s = name.normalize('NFC') // macOS sends å, ä, ö decomposed
  s = s.split(/[/\\]/).pop() ?? ''
  s = s
    .replace(/\p{Cs}/gu, '') // lone surrogates: encodeURIComponent throws on them
    .replace(/\s+/gu, ' ') // tabs, newlines, no-break and other spaces
    .replace(/\p{Cc}/gu, '') // NUL, ESC, DEL, C1 controls
    // Invisible format characters, above all the bidi overrides that make "gpj.exe" read as "exe.jpg".
    // Zero-width (non-)joiners stay: some scripts and emoji need them.
    .replace(/(?![\u200c\u200d])\p{Cf}/gu, '')
    .replace(/["*:<>?|]/g, '') // quote breaks the header; the rest are not allowed in Windows names
    .replace(/ {2,}/g, ' ')
    // Leading dots hide the file on Unix and make "." and ".."; Windows drops trailing dots and spaces.
    .replace(/^[.\s]+|[.\s]+$/g, '')
  return truncate(s) || FALLBACK
}

/** Cuts to MAX_LENGTH code points (never half a surrogate pair), keeping the extension. */
function truncate(s: string): string {
  const chars = Array.from(s)
  if (chars.length <= MAX_LENGTH) return s
  const dot = s.lastIndexOf('.')
  const ext = dot > 0 ? Array.from(s.slice(dot)) : []
  const keep = ext.length > 1 && ext.length <= MAX_EXTENSION ? ext : []
  const stem = chars.slice(0, MAX_LENGTH - keep.length).join('').replace(/[.\s]+$/, '')
  return stem + keep.join('')
}
