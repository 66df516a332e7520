import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeRedirect } from './return-path.ts'

const FALLBACK = '/fallback'
// Pages a return path is resolved against: the portal's own address in a deployment, and a login page locally.
const PORTAL_PAGES = ['https://e-tjanster.kommun.example/servicecenter/logga-in?till=x', 'http://localhost:3000/logga-in']

// Pieces that have fooled return-path checks: whitespace the URL parser drops, backslashes it reads as slashes,
// dot segments it folds, encoded forms, schemes, and characters that look like slashes or dots.
const TRICKY = [
  '/', '//', '/\\', '\\', '\t', '\n', '\r', ' ', '\u0000', '\u000b', '\u00a0', '\u200b', '\ufeff',
  '.', '..', '/./', '/../', '%2e', '%2E%2E', '%09', '%0a', '%0D', '%00', '%2f', '%2F', '%5c', '%5C', '%252f', '%',
  ':', '@', '?', '#', '&', '=', 'javascript:', 'JaVaScRiPt:', 'data:', 'http:', 'https:', 'HTTPS://', 'file:', 'mailto:',
  'evil.example', 'portal.invalid', 'localhost', '127.0.0.1', '[::1]', ':443', 'user:pass@',
  '\u3002', '\uff0e', '\uff0f', '\u2215', '\u2044', '\uff3c', 'ä', '💥', 'servicecenter', 'mina-sidor', 'a',
]
const tricky = fc.array(fc.constantFrom(...TRICKY), { maxLength: 8 }).map((parts) => parts.join(''))
// What a route reads: the query string or form body decoded once (`till=/%09/host` arrives as "/\t/host").
const decoded = tricky.map((s) => new URLSearchParams(`till=${s}`).get('till') ?? '')
const anything = fc.oneof(tricky, decoded, fc.string({ unit: 'binary', maxLength: 40 }), fc.webUrl({ withQueryParameters: true, withFragments: true }))

/** What a browser does with a Location header: resolve it against the page it is on. */
const landsOnPortal = (path: string) => PORTAL_PAGES.every((page) => new URL(path, page).origin === new URL(page).origin)

describe('return paths', () => {
  it('are, for any input, the fallback or a path that a browser resolves to the portal itself', () => {
    fc.assert(fc.property(anything, (input) => {
      const out = safeRedirect(input, FALLBACK)
      if (out === FALLBACK) return
      expect(out.startsWith('/') && !out.startsWith('//')).toBe(true)
      expect(landsOnPortal(out)).toBe(true)
      // Plain ASCII without spaces or controls: nothing the next parser (a header, a browser) could read otherwise.
      expect(out).toMatch(/^[\x21-\x7e]+$/)
      // What was checked is what is sent: the answer passes the check again unchanged.
      expect(safeRedirect(out, FALLBACK)).toBe(out)
    }), { numRuns: 5000 })
  })

  it('keep a page of the portal as it was, with its query and fragment', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/)
    const path = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.option(segment), fc.option(segment))
      .map(([segs, q, h]) => `/${segs.join('/')}${q ? `?q=${q}` : ''}${h ? `#${h}` : ''}`)
    fc.assert(fc.property(path, (p) => safeRedirect(p, FALLBACK) === p))
    expect(safeRedirect('/servicecenter/arenden?vy=mina&sida=2#lista')).toBe('/servicecenter/arenden?vy=mina&sida=2#lista')
  })

  it('refuse the forms that reached another host, and other origins', () => {
    for (const bad of [
      '/\t/evil.example', '/\n/evil.example', '\t//evil.example', '/\\evil.example', '\\\\evil.example', '\\/evil.example',
      '//evil.example', '/.//evil.example', '/..//evil.example', '/%2e%2e//evil.example', 'https://evil.example/', 'HTTPS://evil.example',
      'javascript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', '', null, undefined, `/${'a'.repeat(2000)}`,
    ]) expect(safeRedirect(bad, FALLBACK), JSON.stringify(bad)).toBe(FALLBACK)
  })

  it('send an encoded tab or slash on as the path it is, and encode what a header cannot carry', () => {
    expect(safeRedirect('/%09/evil.example', FALLBACK)).toBe('/%09/evil.example')
    expect(safeRedirect('/%2F/evil.example', FALLBACK)).toBe('/%2F/evil.example')
    expect(safeRedirect('/mina-sidor?namn=Åsa Öberg', FALLBACK)).toBe('/mina-sidor?namn=%C3%85sa%20%C3%96berg')
    expect(safeRedirect('/e-tjanster/felanmalan', FALLBACK)).toBe('/e-tjanster/felanmalan')
  })
})
