import type { MapConfig } from './municipality.ts'

/**
 * The origins the browser fetches map tiles from, for the Content-Security-Policy's img-src: the tile URL
 * template's scheme and host, one per sub-domain when the template has {s}. No map, no origin.
 */
export function tileOrigins(map: MapConfig | undefined): string[] {
  if (!map) return []
  const { url, subdomains } = map.tiles
  const hosts = url.includes('{s}') ? (subdomains?.length ? subdomains : ['a', 'b', 'c']) : ['']
  return [...new Set(hosts.map((s) => new URL(url.replace('{s}', s).replace(/\{[a-z]\}/g, '0')).origin))]
}
