import { env } from '../env.server.ts'

/** Cookies are Secure everywhere except plain-http development on localhost. */
export function secureCookies(): boolean {
  const { APP_ENV, PUBLIC_URL } = env()
  return APP_ENV === 'production' || (PUBLIC_URL ?? '').startsWith('https:')
}

export function serializeCookie(name: string, value: string, opts: { maxAge?: number; httpOnly?: boolean } = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Lax']
  if (opts.httpOnly !== false) parts.push('HttpOnly')
  if (secureCookies()) parts.push('Secure')
  if (opts.maxAge !== undefined) parts.push(`Max-Age=${opts.maxAge}`)
  return parts.join('; ')
}

export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const i = part.indexOf('=')
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim())
      } catch {
        return undefined
      }
    }
  }
  return undefined
}
