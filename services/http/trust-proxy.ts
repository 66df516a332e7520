import { isIP } from 'node:net'

/** Express's `trust proxy` value: false, a hop count, or the proxies' addresses and subnets. */
export type TrustProxy = false | number | string[]

/** proxy-addr's names for whole ranges (127.0.0.0/8 and ::1, 169.254.0.0/16 and fe80::/10, 10/8, 172.16/12, 192.168/16 and fc00::/7). */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function validEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true
  const [address = '', prefix, ...rest] = entry.split('/')
  const family = isIP(address)
  if (!family || rest.length) return false
  if (prefix === undefined) return true
  if (/^\d{1,3}$/.test(prefix)) return Number(prefix) <= (family === 4 ? 32 : 128)
  // proxy-addr also takes an IPv4 netmask (10.0.0.0/255.0.0.0).
  return family === 4 && isIP(prefix) === 4
}

/**
 * TRUST_PROXY → Express's `trust proxy`, which decides `req.ip` (what rate limits, login limits and BankID's
 * endUserIp see) and `req.protocol` behind a reverse proxy. Accepted:
 * - unset, empty or `false`: no proxy; the connecting address is the client.
 * - a whole number n: the last n addresses of X-Forwarded-For are our proxies (`1` for one HAProxy).
 * - a comma-separated list of proxy addresses, CIDR subnets or `loopback`/`linklocal`/`uniquelocal`.
 * Express itself would read `1` as the IPv4 address 0.0.0.1 and fail on `true`, so both are decided here.
 * `true` (trust every hop) is refused: any client could then name its own address in X-Forwarded-For.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? ''
  if (value === '' || value === 'false') return false
  if (/^\d+$/.test(value)) return Number(value)
  if (value === 'true')
    throw new Error('TRUST_PROXY=true would let any client choose its own address: give the number of proxies in front of the portal (1) or their addresses')
  const entries = value.split(',').map((s) => s.trim())
  const bad = entries.filter((e) => !validEntry(e))
  if (bad.length)
    throw new Error(`TRUST_PROXY: "${bad.join('", "')}" is not a hop count, an IP address, a subnet (10.0.0.0/8) or loopback/linklocal/uniquelocal`)
  return entries
}
