// Any origin of our own works: only whether a return path resolves to it matters, and the answer is a path.
const PORTAL = 'https://portal.invalid'
// Longer than any page of the portal; a longer one is junk and would bloat the Location header.
const MAX_LENGTH = 2000

/**
 * Where to go after a login or a small form (`till`, `tillbaka`, a BankID order's return path): only a page of
 * this portal, never another host. The value is parsed as a browser would parse it (tabs and newlines dropped,
 * backslashes read as slashes, `/./` folded), and only its path, query and fragment are kept, re-serialised by
 * the parser, so what leaves in the Location header is exactly what was checked. Anything else is `fallback`.
 */
export function safeRedirect(to: string | null | undefined, fallback = '/servicecenter'): string {
  if (!to || to.length > MAX_LENGTH) return fallback
  let url: URL
  try {
    url = new URL(to, `${PORTAL}/`)
  } catch {
    return fallback
  }
  if (url.origin !== PORTAL) return fallback
  const path = `${url.pathname}${url.search}${url.hash}`
  // `/.//evil.example` folds to `//evil.example`, which a browser given it as a Location reads as a host.
  return path.startsWith('//') ? fallback : path
}
