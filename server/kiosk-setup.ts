import { setEnv, type Env } from '#services/env.server.ts'
import { kioskIdle } from '#services/kiosk/idle.server.ts'
import { SIP2_TEST_PATRONS } from '#services/library/sip2/test-patrons.ts'
import { startSip2TestServer, type Sip2TestServer } from '#services/library/sip2/test-server.server.ts'
import { log } from '#services/log/logger.server.ts'

const TEST_TERMINAL = { user: 'kiosk', password: 'kiosk-test', institutionId: 'TYRESO' } as const

/**
 * Kiosks at start: the idle limits are checked (a bad value stops the portal, not a visit), and without
 * SIP2_HOST outside production the SIP2 test server runs in-process as the library system, its address
 * handed to the rest of the portal (and the HTTP workers) as the SIP2_* settings, like a real one.
 */
export async function prepareKiosks(env: Env): Promise<Sip2TestServer | undefined> {
  kioskIdle()
  if (env.SIP2_HOST || env.APP_ENV === 'production') return undefined
  const server = await startSip2TestServer(TEST_TERMINAL)
  setEnv({
    SIP2_HOST: server.host,
    SIP2_PORT: String(server.port),
    SIP2_USER: TEST_TERMINAL.user,
    SIP2_PASSWORD: TEST_TERMINAL.password,
    SIP2_INSTITUTION: TEST_TERMINAL.institutionId,
  })
  const card = SIP2_TEST_PATRONS.valid
  log.info(`SIP2 test server (library cards) on ${server.host}:${server.port}: card ${card.cardNumber}, PIN ${card.pin}`)
  return server
}
