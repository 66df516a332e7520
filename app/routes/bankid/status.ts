import type { Route } from './+types/status'
import { progress } from './progress.server.ts'

/**
 * What the order page's script polls every second: the order's state, the next QR code and, once done,
 * where to go. Completing a login here sets the new session cookie on this response. An order that is not
 * this browser's (forged, replayed, another session's) is a plain 404.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const step = await progress(request, context.locale, new URL(request.url).searchParams.get('order'), undefined, context.kiosk)
  if (!step) return Response.json({ error: 'not-found' }, { status: 404, headers: { 'Cache-Control': 'no-store' } })
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  if (step.setCookie) headers.append('Set-Cookie', step.setCookie)
  return Response.json(step.view, { headers })
}
