import { Readable } from 'node:stream'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FORMS } from '#forms/registry.ts'
import { kindOf } from '#forms/kit/index.ts'
import { FORM_LIMITS, inspectFormBody, type BodyLimits } from './body-inspection.ts'

const LIMITS: BodyLimits = { ...FORM_LIMITS, maxBytes: 1024 * 1024 }
const URLENCODED = { 'content-type': 'application/x-www-form-urlencoded' }
const BOUNDARY = 'b0undary'
const MULTIPART = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }

/** The body as a stream cut at the given offsets, as the network might deliver it. */
const streamOf = (body: Buffer, cuts: number[]) => {
  const at = [...new Set(cuts.map((c) => c % (body.length + 1)))].sort((a, b) => a - b)
  const chunks = [0, ...at, body.length].slice(1).map((end, i, all) => body.subarray(i === 0 ? 0 : all[i - 1], end)).filter((c) => c.length)
  return Readable.from(chunks)
}

const urlencoded = (pairs: [string, string][]) => Buffer.from(new URLSearchParams(pairs).toString())
const multipart = (parts: { name: string; value: string; file?: string }[]) => Buffer.from(parts.map((p) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"${p.file === undefined ? '' : `; filename="${p.file}"`}\r\n\r\n${p.value}\r\n`,
).join('') + `--${BOUNDARY}--\r\n`)

// Names as browsers send them: no quotes or line breaks, which they escape themselves.
const name = fc.stringMatching(/^[A-Za-z0-9_.]{1,30}$/)
const text = fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !s.includes('\u0000') && !s.includes(`--${BOUNDARY}`))
const cuts = fc.array(fc.nat(), { maxLength: 8 })

describe('inspecting a form body as it streams in', () => {
  it('hands on every acceptable body byte for byte, however the network cuts it', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(name, text), { maxLength: 40 }), cuts, async (pairs, at) => {
      const body = urlencoded(pairs)
      const result = await inspectFormBody(URLENCODED, streamOf(body, at), LIMITS)
      expect(result).toEqual({ ok: true, body })
    }))
    await fc.assert(fc.asyncProperty(fc.array(fc.record({ name, value: text }), { maxLength: 20 }), cuts, async (parts, at) => {
      const body = multipart(parts)
      expect(await inspectFormBody(MULTIPART, streamOf(body, at), LIMITS)).toEqual({ ok: true, body })
    }))
  })

  it('refuses one field too many with 413, and a NUL anywhere in a field with 400', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 3000 }), cuts, async (extra, at) => {
      const pairs = Array.from({ length: LIMITS.maxFields + extra }, (_, i): [string, string] => [`f${i}`, 'x'])
      expect(await inspectFormBody(URLENCODED, streamOf(urlencoded(pairs), at), LIMITS)).toEqual({ ok: false, status: 413, reason: 'tooMany' })
    }), { numRuns: 20 })
    await fc.assert(fc.asyncProperty(text, text, fc.boolean(), cuts, async (before, after, inName, at) => {
      const body = inName ? urlencoded([[`a${before}\u0000`, after]]) : multipart([{ name: 'a', value: `${before}\u0000${after}` }])
      const result = await inspectFormBody(inName ? URLENCODED : MULTIPART, streamOf(body, at), LIMITS)
      expect(result).toEqual({ ok: false, status: 400, reason: 'nul' })
    }))
  })

  it('answers any bytes under any content type with a verdict within the caps, never an exception or a hang', async () => {
    const contentType = fc.oneof(
      fc.constantFrom('application/x-www-form-urlencoded', `multipart/form-data; boundary=${BOUNDARY}`, 'multipart/form-data',
        'multipart/form-data; boundary=', 'application/json', 'text/plain', 'multipart/mixed; boundary=x'),
      fc.string({ maxLength: 60 }),
    )
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 4000 }).map((a) => Buffer.from(a)),
      // A real multipart body, cut short or with a byte changed: the broken posts a hostile sender makes.
      fc.tuple(fc.array(fc.record({ name, value: text, file: fc.option(text, { nil: undefined }) }), { maxLength: 5 }), fc.nat(), fc.nat(255))
        .map(([parts, at, byte]) => {
          const body = Buffer.from(multipart(parts))
          if (at % 2) return body.subarray(0, at % body.length)
          body[at % body.length] = byte
          return body
        }),
    )
    await fc.assert(fc.asyncProperty(contentType, bytes, cuts, async (type, body, at) => {
      const result = await inspectFormBody({ 'content-type': type }, streamOf(body, at), LIMITS)
      if (result.ok) expect(result.body.equals(body)).toBe(true)
      else expect([400, 413]).toContain(result.status)
    }), { numRuns: 300 })
  }, 60_000)

  it('refuses a part whose header names no field (found by the property above), instead of throwing', async () => {
    for (const disposition of ['form-data; filename="a.txt"', 'form-data']) {
      const body = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\nx\r\n--${BOUNDARY}--\r\n`)
      expect(await inspectFormBody(MULTIPART, streamOf(body, []), LIMITS)).toEqual({ ok: false, status: 400, reason: 'malformed' })
    }
  })

  it('refuses a file part cut short by the end of the body, instead of an error nobody hears', async () => {
    const body = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="f"; filename="a.jpg"\r\n\r\nhalf a photo`)
    for (const cut of [[], [10], [40, 60]]) {
      expect(await inspectFormBody(MULTIPART, streamOf(body, cut), LIMITS)).toEqual({ ok: false, status: 400, reason: 'malformed' })
    }
  })

  it('refuses a body over the byte limit as it arrives', async () => {
    const body = urlencoded([['a', 'x'.repeat(50_000)], ['b', 'y'.repeat(50_000)]])
    expect(await inspectFormBody(URLENCODED, streamOf(body, [1000, 30_000]), { ...LIMITS, maxBytes: 60_000 }))
      .toEqual({ ok: false, status: 413, reason: 'tooLarge' })
  })
})

describe('the limits against the e-services', () => {
  // A page at its fullest, plus the few hidden inputs every page form carries (_csrf, _action, idempotency).
  const HIDDEN_INPUTS = 5
  it.each(FORMS.flatMap((def) => def.pages.map((page) => [`${def.id}/${page.id}`, page] as const)))('%s fits within them', (_id, page) => {
    let inputs = HIDDEN_INPUTS
    let files = 0
    for (const f of page.fields) {
      if (f.kind === 'group') inputs += f.max * f.fields.reduce((n, sub) => n + kindOf(sub).inputNames(sub).length, 0)
      else inputs += kindOf(f).inputNames(f).length
      if (f.kind === 'file') files += f.maxFiles
    }
    expect(inputs).toBeLessThanOrEqual(FORM_LIMITS.maxFields)
    expect(files).toBeLessThanOrEqual(FORM_LIMITS.maxFiles)
  })
})
