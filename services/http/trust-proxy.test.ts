import express from 'express'
import { describe, expect, it } from 'vitest'
import { parseTrustProxy } from './trust-proxy.ts'

describe('TRUST_PROXY', () => {
  it('is off when unset, empty or false: the connecting address is the client', () => {
    expect(parseTrustProxy(undefined)).toBe(false)
    expect(parseTrustProxy('')).toBe(false)
    expect(parseTrustProxy('false')).toBe(false)
  })

  it('reads a whole number as hops, not as an address (Express alone reads "1" as 0.0.0.1)', () => {
    expect(parseTrustProxy('1')).toBe(1)
    expect(parseTrustProxy(' 2 ')).toBe(2)
  })

  it('takes addresses, subnets and proxy-addr’s range names', () => {
    expect(parseTrustProxy('loopback, 10.0.0.0/8,192.168.1.5, fd00::/8, 172.16.0.0/255.240.0.0'))
      .toEqual(['loopback', '10.0.0.0/8', '192.168.1.5', 'fd00::/8', '172.16.0.0/255.240.0.0'])
  })

  it('refuses true, which would let a client name its own address', () => {
    expect(() => parseTrustProxy('true')).toThrow('TRUST_PROXY=true would let any client choose its own address')
  })

  it('names what it cannot read', () => {
    expect(() => parseTrustProxy('loopback,proxy.kommun.se')).toThrow('"proxy.kommun.se" is not a hop count')
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow('"10.0.0.0/33"')
    expect(() => parseTrustProxy('1.2.3.4/8/8')).toThrow('"1.2.3.4/8/8"')
  })

  it('gives values Express accepts', () => {
    for (const raw of ['1', 'loopback,10.0.0.0/8', '::1', 'false']) expect(() => express().set('trust proxy', parseTrustProxy(raw))).not.toThrow()
  })
})
