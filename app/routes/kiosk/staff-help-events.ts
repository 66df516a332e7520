import { data } from 'react-router'
import { requireStaff } from '#services/auth/require-staff.server.ts'
import { subscribeHelp } from '#services/kiosk/help-events.server.ts'
import { HELP_ROLES, staffLocation } from '#services/kiosk/staff-location.server.ts'
import type { Route } from './+types/staff-help-events'

/** Proxies and load balancers drop a silent connection; a comment line every 25 seconds keeps it open. */
const HEARTBEAT_MS = 25_000

/**
 * Server-Sent Events for /servicecenter/hjalp: one event per change of a help request at the staff
 * member's location. The events name only the request; the page then reloads its list through its
 * loader, where roles and location are checked again.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request, HELP_ROLES)
  const location = await staffLocation(staff)
  if (!location) throw data(null, { status: 404 })
  const encoder = new TextEncoder()
  let cleanup = () => {}
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          cleanup()
        }
      }
      const unsubscribe = await subscribeHelp(location, (event) => send(`event: help\ndata: ${JSON.stringify(event)}\n\n`))
      // Sent once listening, so the browser's "open" means no request can be missed from here on. It
      // reconnects by itself after a dropped connection; five seconds is calm enough.
      send('retry: 5000\n: connected\n\n')
      const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS)
      cleanup = () => {
        clearInterval(heartbeat)
        unsubscribe()
        try {
          controller.close()
        } catch {
          // already closed
        }
      }
      if (request.signal.aborted) cleanup()
      else request.signal.addEventListener('abort', () => cleanup(), { once: true })
    },
    cancel() {
      cleanup()
    },
  })
  return new Response(stream, {
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' },
  })
}
