import { describe, expect, it } from 'vitest'
import { readEnv } from './env.server.ts'

describe('readEnv', () => {
  it('gives development defaults with nothing set', () => {
    expect(readEnv({})).toMatchObject({ APP_ENV: 'development', PORT: 3000, BODY_LIMIT_MB: 35 })
  })
  it('refuses to start production without a database and public URL, naming what is missing', () => {
    expect(() => readEnv({ APP_ENV: 'production' })).toThrow(/needs DATABASE_URL, PUBLIC_URL/)
    expect(() => readEnv({ APP_ENV: 'production', DATABASE_URL: 'postgres://x/y' })).toThrow(/needs PUBLIC_URL/)
    const bankid = { BANKID_URL: 'https://appapi2.bankid.com/rp/v6.0/', BANKID_PFX: '/etc/rp.p12', BANKID_PASSPHRASE: 'x', BANKID_CA: '/etc/ca.pem' }
    expect(() => readEnv({ APP_ENV: 'production', DATABASE_URL: 'postgres://x/y', PUBLIC_URL: 'https://e.kommun.se' })).toThrow(/needs BANKID_URL/)
    expect(readEnv({ APP_ENV: 'production', DATABASE_URL: 'postgres://x/y', PUBLIC_URL: 'https://e.kommun.se', ...bankid }).APP_ENV).toBe('production')
  })
  it('rejects an unknown APP_ENV', () => {
    expect(() => readEnv({ APP_ENV: 'staging' })).toThrow()
  })
})
