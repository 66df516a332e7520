import { redirect } from 'react-router'
import { serializeCookie } from '#services/auth/cookies.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { safeRedirect } from '#services/auth/return-path.ts'
import type { Route } from './+types/display'
import { DISPLAY_COOKIES } from './display-cookies.ts'

/** Text size and contrast for this visit: browser-session cookies, cleared with the rest when the visit ends. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request)
  const back = safeRedirect(String(form.get('tillbaka') ?? ''), '/kiosk')
  if (!context.kiosk) throw redirect(back)
  const headers = new Headers()
  const text = form.get('text')
  if (text === 'large') headers.append('Set-Cookie', serializeCookie(DISPLAY_COOKIES.text, 'large'))
  if (text === 'normal') headers.append('Set-Cookie', serializeCookie(DISPLAY_COOKIES.text, '', { maxAge: 0 }))
  const contrast = form.get('contrast')
  if (contrast === 'high') headers.append('Set-Cookie', serializeCookie(DISPLAY_COOKIES.contrast, 'high'))
  if (contrast === 'normal') headers.append('Set-Cookie', serializeCookie(DISPLAY_COOKIES.contrast, '', { maxAge: 0 }))
  throw redirect(back, { headers })
}

export function loader() {
  throw redirect('/kiosk')
}
