import { describe, expect, it } from 'vitest'
import { readCaller } from './register.server.ts'

const form = (fields: Record<string, string>) => {
  const f = new FormData()
  for (const [k, v] of Object.entries(fields)) f.set(k, v)
  return f
}

describe('readCaller: the person staff type in for a caller', () => {
  it('reads a 10-digit number with the century the case date gives, as the e-services do', () => {
    // 121212-1212 is 2012 on a 2026 date (the latest century not in the future), and 1912 with "+".
    expect(readCaller(form({ _channel: 'phone', _personnummer: '121212-1212', _name: 'Tolvan' }), false, '2026-12-06').personnummer).toBe('201212121212')
    expect(readCaller(form({ _channel: 'phone', _personnummer: '121212+1212', _name: 'Tolvan' }), false, '2026-12-06').personnummer).toBe('191212121212')
    // On a case dated 2011 the same digits cannot be a child born in 2012: the case's date decides, not the clock.
    expect(readCaller(form({ _channel: 'phone', _personnummer: '121212-1212', _name: 'Tolvan' }), false, '2011-06-01').personnummer).toBe('191212121212')
  })

  it('accepts a samordningsnummer and refuses a number that fails its check digit', () => {
    expect(readCaller(form({ _channel: 'visit', _personnummer: '19121272-1219', _name: 'Sam' }), false, '2026-12-06').errors).not.toHaveProperty('_personnummer')
    expect(readCaller(form({ _channel: 'visit', _personnummer: '19121212-1213', _name: 'Fel' }), false, '2026-12-06').errors._personnummer).toMatch(/personnumret/)
  })

  it('asks for the name with a personnummer, and for the number where the e-service needs one', () => {
    expect(readCaller(form({ _channel: 'phone', _personnummer: '19121212-1212' }), false, '2026-12-06').errors._name).toBeDefined()
    expect(readCaller(form({ _channel: 'phone' }), true, '2026-12-06').errors._personnummer).toBeDefined()
    expect(readCaller(form({ _channel: 'fax' }), false, '2026-12-06').errors._channel).toBeDefined()
  })
})
