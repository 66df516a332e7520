import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSession } from '#services/auth/session.server.ts'
import { createBankIdClient } from '#services/bankid/client.server.ts'
import type { Binding } from '#services/bankid/orders.server.ts'
import { stopBankId, useBankId } from '#services/bankid/runtime.server.ts'
import { startBankIdSimulator, type BankIdSimulator } from '#services/bankid/simulator/server.server.ts'

/** Integration-test helpers for BankID: the simulator over mutual TLS as the portal's BankID, and browsers. */

export async function simulatedBankId(opts: { now?: () => number } = {}): Promise<{ sim: BankIdSimulator; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'bankid-portal-'))
  const sim = await startBankIdSimulator({ certDir: join(dir, 'certs'), ...opts })
  useBankId(createBankIdClient({ url: sim.url, pfx: sim.certs.clientPfxPath, passphrase: sim.certs.passphrase, ca: sim.certs.caPem }), sim)
  return {
    sim,
    async stop() {
      await stopBankId()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

export type Browser = { binding: Binding; cookies: { sid: string; csrf: string }; request(path?: string): Request }

const sha = (s: string) => createHash('sha256').update(s).digest('hex')

/** A browser with a visitor session and a CSRF cookie, as the portal's HTTP layer would have given it. */
export async function newBrowser(): Promise<Browser> {
  const { session, setCookie } = await createSession(new Request('http://x/'), 'visitor')
  const sid = decodeURIComponent(/^sid=([^;]*)/.exec(setCookie)![1]!)
  return browserWith(sid, randomBytes(32).toString('base64url'), session.tokenHash)
}

export function browserWith(sid: string, csrf: string, sessionHash = sha(sid)): Browser {
  return {
    binding: { sessionHash, browserHash: sha(csrf) },
    cookies: { sid, csrf },
    request: (path = '/') => new Request(`http://localhost${path}`, { headers: { Cookie: `sid=${encodeURIComponent(sid)}; csrf=${csrf}` } }),
  }
}

/** The token a Set-Cookie header gives the session cookie. */
export const sidFrom = (setCookie: string) => decodeURIComponent(/^sid=([^;]*)/.exec(setCookie)![1]!)
