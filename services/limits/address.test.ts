import { describe, expect, it } from 'vitest'
import { addressScope } from './address.ts'

describe('addressScope', () => {
  it('counts IPv4 addresses one by one, also when IPv4-mapped', () => {
    expect(addressScope('10.0.0.1')).toBe('10.0.0.1')
    expect(addressScope('::ffff:10.0.0.1')).toBe('10.0.0.1')
  })
  it('counts IPv6 addresses by their /64 network, however they are written', () => {
    expect(addressScope('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64')
    expect(addressScope('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64')
    expect(addressScope('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressScope('::1')).toBe('0:0:0:0::/64')
  })
  it('leaves what is not an address alone', () => {
    expect(addressScope('unknown')).toBe('unknown')
  })
})
