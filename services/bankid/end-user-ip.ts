import { isIP } from 'node:net'

/**
 * The address BankID is told the user has. Express reports IPv4 clients on a dual-stack socket as
 * "::ffff:a.b.c.d"; BankID compares endUserIp with what its app sees, so send the plain IPv4 form.
 * Returns null when there is no usable address (then no order can be started).
 */
export function endUserIp(clientIp: string | undefined): string | null {
  if (!clientIp) return null
  const ip = clientIp.startsWith('::ffff:') && isIP(clientIp.slice(7)) === 4 ? clientIp.slice(7) : clientIp
  return isIP(ip) ? ip : null
}

/** Phones and tablets get BankID's "this device" wording (RFA15B), computers the card-reader one (RFA15A). */
export function deviceKind(userAgent: string | null): 'mobile' | 'computer' {
  return userAgent && /Mobi|Android|iPhone|iPad|iPod/i.test(userAgent) ? 'mobile' : 'computer'
}
