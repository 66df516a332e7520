import { createBankIdClient, type BankIdClient } from './client.server.ts'
import { env } from '../env.server.ts'
import { bankIdSetup } from './config.server.ts'
import type { BankIdSimulator, SimulatorControl } from './simulator/server.server.ts'

/**
 * The process-wide BankID client, and the in-process simulator when no real environment is configured.
 * Kept on globalThis like the database pool: the dev server loads route modules through Vite, which would
 * otherwise see a second, unstarted copy of this module.
 */
type Runtime = { client: BankIdClient; simulator: BankIdSimulator | null; describe: string }
const g = globalThis as typeof globalThis & { __portalBankId?: Promise<Runtime> }

/**
 * Starts BankID for this process: connects to the configured environment or starts the simulator (on a free
 * port, with its own mutual-TLS certificates under .data/bankid-sim). Safe to call more than once.
 */
export function startBankId(): Promise<Runtime> {
  g.__portalBankId ??= (async (): Promise<Runtime> => {
    const setup = bankIdSetup(env())
    if (setup.kind === 'remote') {
      try {
        return { client: createBankIdClient(setup.client), simulator: null, describe: `BankID: ${setup.client.url}` }
      } catch (e) {
        // Typically an unreadable BANKID_PFX or BANKID_CA file: say which setting, not a stack trace.
        throw new Error(`BankID could not be set up from BANKID_URL/BANKID_PFX/BANKID_CA: ${e instanceof Error ? e.message : String(e)}`, { cause: e })
      }
    }
    if (setup.kind === 'none') throw new Error(`BankID is not configured: ${setup.reason}`)
    // Imported only here, so a production process never even loads the simulator.
    const { startBankIdSimulator } = await import('./simulator/server.server.ts')
    const simulator = await startBankIdSimulator({ autoApprove: setup.autoApprove })
    const client = createBankIdClient({ url: simulator.url, pfx: simulator.certs.clientPfxPath, passphrase: simulator.certs.passphrase, ca: simulator.certs.caPem })
    const auto = setup.autoApprove ? `, approving every order as ${setup.autoApprove}` : ''
    return { client, simulator, describe: `BankID simulator on ${simulator.url} (mutual TLS${auto}); control page /bankid-simulator` }
  })()
  // A failed start may be retried (for example after fixing the certificate path).
  g.__portalBankId.catch(() => (g.__portalBankId = undefined))
  return g.__portalBankId
}

/** The BankID client; rejects when BankID was never started or could not start (callers show RFA5). */
export async function bankId(): Promise<BankIdClient> {
  if (!g.__portalBankId) throw new Error('BankID has not been started (startBankId)')
  return (await g.__portalBankId).client
}

/** The simulator's control, or null with a real BankID (always null in production). */
export async function simulatorControl(): Promise<SimulatorControl | null> {
  if (!g.__portalBankId || env().APP_ENV === 'production') return null
  const runtime = await g.__portalBankId.catch(() => null)
  return runtime?.simulator?.control ?? null
}

export async function stopBankId(): Promise<void> {
  const runtime = await g.__portalBankId?.catch(() => null)
  g.__portalBankId = undefined
  await runtime?.simulator?.close()
}

/** For tests: use this client (and simulator) instead of starting one from the environment. */
export function useBankId(client: BankIdClient, simulator: BankIdSimulator | null = null): void {
  g.__portalBankId = Promise.resolve({ client, simulator, describe: 'test' })
}
