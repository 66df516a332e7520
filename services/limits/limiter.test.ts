import { describe, expect, it } from 'vitest'
import { judge, secondsOver, type Counted, type Rule } from './limiter.server.ts'

const rule: Rule = { key: 'send:addr:x', windowSeconds: 600, maxHits: 10 }
const counted = (c: Partial<Counted>): Counted => ({ key: rule.key, hits: 0, bytes: 0, prevHits: 0, prevBytes: 0, secondsLeft: 300, ...c })

describe('the sliding window', () => {
  it('lets through up to the limit within one window', () => {
    expect(judge([rule], [counted({ hits: 10 })]).ok).toBe(true)
    expect(judge([rule], [counted({ hits: 11 })])).toMatchObject({ ok: false, retryAfterSeconds: 355 })
  })

  it('weighs the previous window by how much of it still overlaps, so a burst across the boundary is refused', () => {
    // Ten sends just before the boundary, one just after: 10 × 599/600 + 1 > 10.
    expect(judge([rule], [counted({ prevHits: 10, hits: 1, secondsLeft: 599 })])).toMatchObject({ ok: false, retryAfterSeconds: 59 })
    // Half-way through the next window half of them still count.
    expect(judge([rule], [counted({ prevHits: 10, hits: 5, secondsLeft: 300 })]).ok).toBe(true)
  })

  it('says how long until the estimate is back within the limit', () => {
    expect(secondsOver(rule, 10, 10, 6, 300)).toBe(60)
    expect(secondsOver(rule, 10, 0, 20, 300)).toBe(300 + 300)
    expect(secondsOver({ ...rule, fixed: true }, 10, 100, 11, 42)).toBe(42)
    expect(secondsOver({ ...rule, fixed: true }, 10, 100, 10, 42)).toBe(0)
  })

  it('limits bytes the same way', () => {
    const bytes: Rule = { key: 'upload:addr:x', windowSeconds: 3600, maxBytes: 100 }
    expect(judge([bytes], [counted({ key: bytes.key, bytes: 100, secondsLeft: 10 })]).ok).toBe(true)
    expect(judge([bytes], [counted({ key: bytes.key, bytes: 101, secondsLeft: 10 })]).ok).toBe(false)
  })
})
