import { describe, expect, it } from 'vitest'
import { FORMS } from './registry.ts'
import { KNOWN_KINDS, kindOf, summarise, visiblePages } from './kit/index.ts'

// Walks every registered e-service: a definition that a citizen cannot complete, or whose answers
// would vanish from the receipt, must fail here rather than in production.
describe.each(FORMS.map((f) => [f.id, f] as const))('form %s', (_id, def) => {
  const fields = def.pages.flatMap((p) => p.fields)

  it('uses only known field kinds', () => {
    for (const f of fields) {
      expect(KNOWN_KINDS).toContain(f.kind)
      expect(() => kindOf(f)).not.toThrow()
    }
  })

  it('has every page reachable by some answers', () => {
    for (const page of def.pages) {
      if (!page.visibleWhen) continue
      const c = page.visibleWhen
      const value = 'equals' in c ? c.equals : 'in' in c ? c.in[0] : 'x'
      expect(visiblePages(def, { [c.field]: value }).map((p) => p.id)).toContain(page.id)
    }
  })

  it('summarises every field when its condition holds', () => {
    for (const f of fields) {
      const answers: Record<string, unknown> = {}
      const c = f.visibleWhen
      if (c) answers[c.field] = 'equals' in c ? c.equals : 'in' in c ? c.in[0] : 'x'
      const ids = summarise(def, answers, 'sv').flatMap((s) => s.rows.map((r) => r.fieldId))
      expect(ids).toContain(f.id)
    }
  })

  it('has texts in Swedish and English for every label', () => {
    for (const text of [def.title, ...def.pages.map((p) => p.title), ...fields.map((f) => f.label)]) {
      expect(text.sv.trim()).not.toBe('')
      expect(text.en.trim()).not.toBe('')
    }
  })
})
