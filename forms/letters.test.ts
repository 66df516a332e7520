import { describe, expect, it } from 'vitest'
import { foreningsbidrag } from './foreningsbidrag/index.ts'
import { parkeringstillstand } from './parkeringstillstand/index.ts'
import { trygghetslarm } from './trygghetslarm/index.ts'

describe('what the decided applications tell their letters', () => {
  it.each([trygghetslarm, parkeringstillstand, foreningsbidrag])('$id names the matter, the legal ground and the appeal route in both languages', (def) => {
    for (const key of ['matter', 'legalGround', 'appealRoute'] as const) {
      expect(def.decision[key].sv.length, `${def.id} ${key}`).toBeGreaterThan(0)
      expect(def.decision[key].en.length, `${def.id} ${key}`).toBeGreaterThan(0)
    }
    // "Din ansökan om <matter>" must not repeat the verb of the title ("Ansök om …").
    expect(def.decision.matter.sv).not.toMatch(/^ansök/i)
  })

})
