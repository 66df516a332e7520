import { isIPv6 } from 'node:net'

/**
 * The part of a client address a limit counts: an IPv4 address as it is (also when written IPv4-mapped,
 * `::ffff:10.0.0.1`), an IPv6 address by its /64 network — one household or phone is given a whole /64,
 * so counting single IPv6 addresses would let anyone step around the limit.
 */
export function addressScope(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]!
  if (!isIPv6(address)) return address
  const [head = '', tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : []
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`
}
