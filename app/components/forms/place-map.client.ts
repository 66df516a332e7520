import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import type { MapConfig } from '#services/config/municipality.ts'

/**
 * The Leaflet map behind a map question (ADR 036). Loaded only by a dynamic import from MapPicker, so Leaflet's
 * JavaScript and CSS reach the browser on a page with such a question and on no other page.
 */
export type LatLon = { lat: number; lon: number }
export type PlaceMap = { show: (point: LatLon | null, pan?: boolean) => void; remove: () => void }

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function placeMap(el: HTMLElement, config: MapConfig, opts: {
  point: LatLon | null
  zoomIn: string
  zoomOut: string
  onPick: (p: LatLon) => void
}): PlaceMap {
  const start = opts.point ?? config.center
  const map = L.map(el, { zoomControl: false, attributionControl: false }).setView([start.lat, start.lon], opts.point ? Math.max(config.zoom, 16) : config.zoom)
  L.control.zoom({ zoomInTitle: opts.zoomIn, zoomOutTitle: opts.zoomOut }).addTo(map)
  const { tiles } = config
  // The attribution is the profile's plain text, linked to its licence page when given; no flag, no Leaflet ad.
  const text = escape(tiles.attribution)
  L.control.attribution({ prefix: false }).addAttribution(tiles.attributionUrl ? `<a href="${escape(tiles.attributionUrl)}">${text}</a>` : text).addTo(map)
  L.tileLayer(tiles.url, {
    maxZoom: tiles.maxZoom,
    subdomains: tiles.subdomains ?? 'abc',
    // The tile server learns the portal's origin (some servers require it), never the page or case.
    referrerPolicy: 'strict-origin',
  }).addTo(map)

  let marker: L.CircleMarker | undefined
  const show = (p: LatLon | null, pan = false) => {
    marker?.remove()
    marker = p ? L.circleMarker([p.lat, p.lon], { radius: 9, color: '#fff', weight: 3, fillColor: '#d4351c', fillOpacity: 1 }).addTo(map) : undefined
    if (p && pan) map.setView([p.lat, p.lon], Math.max(map.getZoom(), 16))
  }
  show(opts.point)
  const pick = (ll: L.LatLng) => opts.onPick({ lat: ll.lat, lon: ll.lng })
  map.on('click', (e: L.LeafletMouseEvent) => pick(e.latlng))
  // Keyboard users move the map with the arrows (Leaflet) and choose its middle, which a cross marks.
  el.addEventListener('keydown', (e) => {
    if (e.target === el && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault()
      pick(map.getCenter())
    }
  })
  return { show, remove: () => map.remove() }
}
