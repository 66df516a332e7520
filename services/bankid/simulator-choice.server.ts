import { readCookie } from '../auth/cookies.ts'
import { simulatorControl } from './runtime.server.ts'
import { SIMULATOR_COOKIE } from './simulator-cookie.ts'
import { log } from '../log/logger.server.ts'

/**
 * With the simulator, a browser can say whose BankID its "phone" holds (a cookie set on the simulator's
 * control page): every order it starts is then auto-approved as that person, or left for the control page
 * ('manual'). This is how tests running side by side log in as different people. Ignored with a real BankID.
 */
export { SIMULATOR_COOKIE }

export async function applySimulatorChoice(request: Request, orderRef: string): Promise<void> {
  const choice = readCookie(request.headers.get('Cookie'), SIMULATOR_COOKIE)
  if (!choice) return
  const control = await simulatorControl()
  if (!control) return
  try {
    control.setOrderAutoApprove(orderRef, choice === 'manual' ? 'manual' : choice)
  } catch (e) {
    log.warn({ err: e }, 'BankID simulator: could not apply this browser’s choice')
  }
}
