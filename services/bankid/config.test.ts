import { describe, expect, it } from 'vitest'
import { readEnv } from '../env.server.ts'
import { bankIdSetup } from './config.server.ts'

const real = { BANKID_URL: 'https://appapi2.test.bankid.com/rp/v6.0/', BANKID_PFX: '/etc/bankid/rp.p12', BANKID_PASSPHRASE: 'x', BANKID_CA: '/etc/bankid/ca.pem' }
const production = { APP_ENV: 'production' as const, DATABASE_URL: 'postgres://db/portal', PUBLIC_URL: 'https://e.kommun.se', ANSWER_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` }

describe('which BankID the portal uses', () => {
  it('uses the simulator when nothing is configured outside production, with the auto-approve person', () => {
    expect(bankIdSetup({})).toEqual({ kind: 'simulator', autoApprove: null })
    expect(bankIdSetup({ APP_ENV: 'test', BANKID_SIMULATOR_AUTO_APPROVE: ' 860612-9933 ' })).toEqual({ kind: 'simulator', autoApprove: '860612-9933' })
  })

  it('uses the configured environment when all four variables are set', () => {
    expect(bankIdSetup(real)).toEqual({ kind: 'remote', client: { url: real.BANKID_URL, pfx: real.BANKID_PFX, passphrase: 'x', ca: real.BANKID_CA } })
  })

  it('never runs the simulator in production', () => {
    expect(bankIdSetup({ APP_ENV: 'production' })).toMatchObject({ kind: 'none' })
    expect(bankIdSetup({ ...production, ...real })).toMatchObject({ kind: 'remote' })
  })
})

describe('starting up', () => {
  it('refuses production without the BankID variables', () => {
    expect(() => readEnv({ ...production })).toThrow(/BANKID_URL, BANKID_PFX, BANKID_PASSPHRASE, BANKID_CA/)
    expect(readEnv({ ...production, ...real }).APP_ENV).toBe('production')
  })

  it('refuses half a BankID configuration anywhere', () => {
    expect(() => readEnv({ BANKID_URL: real.BANKID_URL })).toThrow(/missing BANKID_PFX, BANKID_PASSPHRASE, BANKID_CA/)
    expect(readEnv({}).APP_ENV).toBe('development')
  })
})
