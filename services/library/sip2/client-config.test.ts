import { describe, expect, it } from 'vitest'
import { readEnv } from '#services/env.server.ts'
import { sip2ConfigFromEnv } from './client.server.ts'

/** The library system as the portal would see it with these variables set (and checked) at start. */
const fromVars = (vars: Record<string, string>) => sip2ConfigFromEnv(readEnv(vars))

describe('sip2ConfigFromEnv', () => {
  it('is undefined without SIP2_HOST, so the caller can start the test server', () => {
    expect(fromVars({ SIP2_USER: 'u' })).toBeUndefined()
    expect(fromVars({ SIP2_HOST: '' })).toBeUndefined()
  })

  it('reads the documented variables with a default port', () => {
    expect(
      fromVars({ SIP2_HOST: 'ils.example', SIP2_USER: 'kiosk', SIP2_PASSWORD: 'pw', SIP2_INSTITUTION: 'BIB', SIP2_LOCATION: 'Strand' }),
    ).toEqual({ host: 'ils.example', port: 6001, user: 'kiosk', password: 'pw', institutionId: 'BIB', locationCode: 'Strand', encoding: 'utf8' })
  })

  it('sends no login when SIP2_USER is unset (IP-whitelisted servers)', () => {
    expect(fromVars({ SIP2_HOST: 'h', SIP2_PORT: '8023', SIP2_ENCODING: 'latin1' })).toEqual({
      host: 'h',
      port: 8023,
      institutionId: '',
      encoding: 'latin1',
    })
  })

  it('refuses a bad port or encoding', () => {
    expect(() => fromVars({ SIP2_HOST: 'h', SIP2_PORT: 'sip' })).toThrow(/SIP2_PORT/)
    expect(() => fromVars({ SIP2_HOST: 'h', SIP2_PORT: '70000' })).toThrow(/SIP2_PORT/)
    expect(() => fromVars({ SIP2_HOST: 'h', SIP2_ENCODING: 'ebcdic' })).toThrow(/SIP2_ENCODING/)
  })
})
