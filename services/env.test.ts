import { describe, expect, it } from 'vitest'
import { childEnv, ConfigError, env, readEnv, scriptEnv, setEnv } from './env.server.ts'

describe('readEnv', () => {
  it('gives development defaults with nothing set', () => {
    expect(readEnv({})).toMatchObject({ APP_ENV: 'development', PORT: 3000, BODY_LIMIT_MB: 35 })
  })
  it('refuses to start production without a database and public URL, naming what is missing', () => {
    expect(() => readEnv({ APP_ENV: 'production' })).toThrow(/needs DATABASE_URL, PUBLIC_URL/)
    expect(() => readEnv({ APP_ENV: 'production', DATABASE_URL: 'postgres://x/y' })).toThrow(/needs PUBLIC_URL/)
    const bankid = { BANKID_URL: 'https://appapi2.bankid.com/rp/v6.0/', BANKID_PFX: '/etc/rp.p12', BANKID_PASSPHRASE: 'x', BANKID_CA: '/etc/ca.pem' }
    expect(() => readEnv({ APP_ENV: 'production', DATABASE_URL: 'postgres://x/y', PUBLIC_URL: 'https://e.kommun.se' })).toThrow(/needs BANKID_URL/)
    expect(() => readEnv({ APP_ENV: 'production', DATABASE_URL: 'postgres://x/y', PUBLIC_URL: 'https://e.kommun.se', ...bankid })).toThrow(/needs ANSWER_KEYS/)
    const keys = { ANSWER_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` }
    expect(readEnv({ APP_ENV: 'production', DATABASE_URL: 'postgres://x/y', PUBLIC_URL: 'https://e.kommun.se', ...bankid, ...keys }).APP_ENV).toBe('production')
  })
  it('refuses an ANSWER_KEYS that does not parse, in any environment, without echoing the key', () => {
    expect(() => readEnv({ ANSWER_KEYS: 'k1:c2hvcnQ=' })).toThrow('ANSWER_KEYS key "k1" must be 32 bytes in base64 (openssl rand -base64 32).')
    expect(() => readEnv({ ANSWER_KEYS: 'nokey' })).toThrow(/entry 1 needs the form id:base64key/)
  })
  it('refuses a TRUST_PROXY Express would misread, so the portal does not start counting every client as the proxy', () => {
    expect(() => readEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=true/)
    expect(readEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe('1')
  })
  it('rejects an unknown APP_ENV', () => {
    expect(() => readEnv({ APP_ENV: 'staging' })).toThrow()
  })
  it('names every wrong variable in one message, without its value, in English whatever the form kit set for citizens', async () => {
    await import('#forms/kit/fallback-message.ts')
    const read = () => readEnv({ PORT: 'abc', COMPRESSION: 'maybe', SMTP_URL: 'smtp://u:secret@h', SIP2_PORT: '70000' })
    expect(read).toThrow(ConfigError)
    expect(read).toThrow(/^PORT: .*expected number.*; COMPRESSION: .*expected one of "on"\|"off"; SIP2_PORT: must be a TCP port number$/)
    expect(() => readEnv({ PUBLIC_URL: 'hemligt' })).not.toThrow(/hemligt/)
  })
})

describe('env and setEnv', () => {
  it('adds settings made at start to the environment read once, checks them, and unsets them again', () => {
    const before = env()
    setEnv({ LOGIN_ADDRESS_ATTEMPTS: '6', DATABASE_URL: 'postgres://made-at-start/portal' })
    expect(env()).toMatchObject({ LOGIN_ADDRESS_ATTEMPTS: 6, DATABASE_URL: 'postgres://made-at-start/portal' })
    expect(() => setEnv({ LOGIN_ADDRESS_ATTEMPTS: 'many' })).toThrow(/LOGIN_ADDRESS_ATTEMPTS/)
    expect(env().LOGIN_ADDRESS_ATTEMPTS).toBe(6)
    setEnv({ LOGIN_ADDRESS_ATTEMPTS: undefined, DATABASE_URL: before.DATABASE_URL })
    expect(env()).toEqual(before)
  })
})

describe('the scripts\' settings and child processes', () => {
  it('reads the scripts\' own settings with their defaults, and refuses a wrong one by name', () => {
    expect(scriptEnv({})).toEqual({ DRILL_START_SECONDS: 300, ROLLING_PG_PORT: 54341 })
    expect(scriptEnv({ DRILL_START_SECONDS: '30' }).DRILL_START_SECONDS).toBe(30)
    expect(() => scriptEnv({ ROLLING_PG_PORT: 'x' })).toThrow(/^ROLLING_PG_PORT: /)
  })
  it('hands a child process the environment with the script\'s own values, leaving out what it removes', () => {
    const source = { APP_ENV: 'test', SMTP_URL: 'smtp://h', DATABASE_URL: 'postgres://a/b' }
    expect(childEnv({ SMTP_URL: undefined, DATABASE_URL: 'postgres://c/d', PORT: '4000' }, source))
      .toEqual({ APP_ENV: 'test', DATABASE_URL: 'postgres://c/d', PORT: '4000' })
  })
})
