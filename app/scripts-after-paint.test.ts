import { describe, expect, it } from 'vitest'
import { scriptsAfterPaint } from './scripts-after-paint.ts'

const page = (head: string, body: string) => Buffer.from(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`)

describe('scriptsAfterPaint', () => {
  it('lowers the priority of every module preload in the head and leaves the rest of the page as it was', () => {
    const head =
      '<link rel="stylesheet" href="/styles/app.css"/><link rel="modulepreload" href="/assets/a.js" nonce="n"/>' +
      '<link rel="modulepreload" href="/assets/å.js" nonce="n"/><title>Felanmälan – Tyresö</title>'
    const out = scriptsAfterPaint(page(head, '<main>Vad gäller felet?</main>')).toString()
    expect(out).toBe(
      '<!DOCTYPE html><html><head><link rel="stylesheet" href="/styles/app.css"/>' +
        '<link rel="modulepreload" fetchpriority="low" href="/assets/a.js" nonce="n"/>' +
        '<link rel="modulepreload" fetchpriority="low" href="/assets/å.js" nonce="n"/><title>Felanmälan – Tyresö</title>' +
        '</head><body><main>Vad gäller felet?</main></body></html>',
    )
  })

  it('does not touch the body, whatever it holds', () => {
    const body = '<link rel="modulepreload" href="/assets/late.js"/>'
    const out = scriptsAfterPaint(page('<link rel="modulepreload" href="/assets/a.js"/>', body)).toString()
    expect(out).toContain(`<body>${body}</body>`)
    expect(out).toContain('<head><link rel="modulepreload" fetchpriority="low" href="/assets/a.js"/></head>')
  })

  it('passes on a piece without the end of the head, or without preloads, unchanged', () => {
    const partial = Buffer.from('<html><head><link rel="modulepreload" href="/assets/a.js"/>')
    expect(scriptsAfterPaint(partial)).toBe(partial)
    const scriptFree = page('<link rel="stylesheet" href="/styles/app.css"/>', '<p>Hej</p>')
    expect(scriptsAfterPaint(scriptFree)).toBe(scriptFree)
  })
})
