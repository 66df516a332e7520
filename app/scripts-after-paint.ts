/**
 * Marks the module preloads in a page's head `fetchpriority="low"` (docs/performance.md). Every page works before
 * its scripts arrive: they hydrate what the server drew, and a form posts without them. On a phone's slow
 * connection the HTML and the style sheet should not share the line with 60–90 kB of JavaScript, so the browser
 * fetches the page's own look first and paints, then the scripts.
 *
 * React Router renders the preloads and takes no attribute for them, so the head's HTML is rewritten once, on its
 * way out. Only the part before `</head>` is touched: nothing a visitor typed is in it.
 */
const HEAD_END = Buffer.from('</head>')
const PRELOAD = '<link rel="modulepreload" '
const LOW = '<link rel="modulepreload" fetchpriority="low" '

export function scriptsAfterPaint(html: Buffer): Buffer {
  const end = html.indexOf(HEAD_END)
  if (end < 0) return html
  const head = html.toString('utf8', 0, end)
  if (!head.includes(PRELOAD)) return html
  return Buffer.concat([Buffer.from(head.replaceAll(PRELOAD, LOW)), html.subarray(end)])
}
