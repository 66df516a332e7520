import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// A production portal without the keys for secret answers must not start (ADR 019): it would either fail
// every door code or, worse, invent a key nobody keeps.

const production = {
  APP_ENV: 'production', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PUBLIC_URL: 'https://e.kommun.se',
  BANKID_URL: 'https://appapi2.bankid.com/rp/v6.0/', BANKID_PFX: '/nonexistent/rp.p12', BANKID_PASSPHRASE: 'x', BANKID_CA: '/nonexistent/ca.pem',
}

function start(extra: Record<string, string>) {
  const { ANSWER_KEYS: _, ...inherited } = process.env
  return spawnSync(resolve('node_modules/.bin/tsx'), ['server/start.ts'], {
    env: { ...inherited, ...production, ...extra }, encoding: 'utf8', timeout: 60_000,
  })
}

describe('start-up in production', () => {
  it('stops with a clear message when ANSWER_KEYS is missing', () => {
    const r = start({})
    expect(r.status).toBe(1)
    // The refusal is a JSON log line (fatal) on standard output.
    expect(r.stdout).toContain('APP_ENV=production needs ANSWER_KEYS')
  })

  it('stops with what is wrong when ANSWER_KEYS does not parse, without printing the key', () => {
    const r = start({ ANSWER_KEYS: 'k1:dG9vLXNob3J0' })
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('ANSWER_KEYS key \\"k1\\" must be 32 bytes in base64')
    expect(r.stdout + r.stderr).not.toContain('dG9vLXNob3J0')
  })
})
