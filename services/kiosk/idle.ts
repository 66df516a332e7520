/**
 * How long a kiosk visit may sit idle. After `warningSeconds` without a touch, key press or request the
 * visitor is warned (WCAG 2.2.1: a time limit must be announced and extendable); at `endSeconds` the visit
 * ends. `pingSeconds` is how often an active page tells the server it is in use, so typing a long text
 * without sending it does not count as idle on the server.
 */
export type KioskIdle = { warningSeconds: number; endSeconds: number; pingSeconds: number }

export function kioskIdleFrom(env: { KIOSK_IDLE_WARNING_SECONDS: number; KIOSK_IDLE_END_SECONDS: number }): KioskIdle {
  const warningSeconds = env.KIOSK_IDLE_WARNING_SECONDS
  const endSeconds = env.KIOSK_IDLE_END_SECONDS
  if (endSeconds <= warningSeconds)
    throw new Error('KIOSK_IDLE_END_SECONDS must be longer than KIOSK_IDLE_WARNING_SECONDS: the visitor needs time to answer the warning')
  // A third of the warning time keeps the server's idea of "last active" well inside the visitor's own.
  return { warningSeconds, endSeconds, pingSeconds: Math.max(1, Math.min(30, Math.floor(warningSeconds / 3))) }
}

/** Seconds left before the visit ends, for the countdown; never negative. */
export const secondsLeft = (idle: KioskIdle, idleMs: number) => Math.max(0, Math.ceil(idle.endSeconds - idleMs / 1000))
