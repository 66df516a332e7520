import { describe, expect, it } from 'vitest'
import { deviceKind, endUserIp } from './end-user-ip.ts'

describe('the end user’s address for BankID', () => {
  it('sends IPv4 clients of a dual-stack socket as plain IPv4, and refuses what is not an address', () => {
    expect(endUserIp('::ffff:192.0.2.4')).toBe('192.0.2.4')
    expect(endUserIp('2001:db8::1')).toBe('2001:db8::1')
    expect(endUserIp('127.0.0.1')).toBe('127.0.0.1')
    expect(endUserIp('unknown')).toBeNull()
    expect(endUserIp(undefined)).toBeNull()
  })

  it('tells phones from computers for RFA15A/B', () => {
    expect(deviceKind('Mozilla/5.0 (Linux; Android 14; Pixel 7) Mobile Safari')).toBe('mobile')
    expect(deviceKind('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130')).toBe('computer')
    expect(deviceKind(null)).toBe('computer')
  })
})
