import { useEffect, useEffectEvent, useRef, useState } from 'react'
import type { MapPointField } from '#forms/kit/types.ts'
import type { MapConfig } from '#services/config/municipality.ts'
import { translate } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import type { FieldProps } from './field.tsx'
import { ErrorMessage, Hint, describedBy, part } from './question-frame.tsx'
import { inputId } from './ids.ts'
import type { LatLon, PlaceMap } from './place-map.client.ts'

const parse = (v: unknown): LatLon | null => {
  const lat = Number(part(v, 'lat')), lon = Number(part(v, 'lon'))
  return part(v, 'lat') && part(v, 'lon') && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null
}
const shown = (p: LatLon) => `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`

/**
 * A point answered by tapping a map (`input: 'map'`, ADR 036). The coordinates travel in two hidden inputs,
 * rendered always so a point already given survives a post; the map itself appears only after hydration and
 * only when the profile names a tile server. The question is optional by definition, so a page without
 * JavaScript, or a screen-reader user who skips the map, answers with the address or description instead.
 */
export function MapPicker(props: FieldProps & { field: MapPointField; label: string; hint?: string; className: string }) {
  const { field, locale, values, errors, register, label, hint } = props
  const config = useRootData()?.municipality.map
  const hydrated = useHydrated()
  const id = inputId(field.id)
  // The error summary links a point's messages to its first input: here the map, which takes the focus.
  const mapId = inputId(`${field.id}.lat`)
  const error = errors[field.id] ?? errors[`${field.id}.lat`] ?? errors[`${field.id}.lon`]
  const lat = register(`${field.id}.lat`)
  const lon = register(`${field.id}.lon`)
  const latRef = useRef<HTMLInputElement | null>(null)
  const lonRef = useRef<HTMLInputElement | null>(null)
  const mapRef = useRef<HTMLDivElement | null>(null)
  const handle = useRef<PlaceMap | null>(null)
  const [point, setPoint] = useState(() => parse(values[field.id]))
  const canLocate = hydrated && 'geolocation' in navigator

  const choose = (p: LatLon | null, pan = false) => {
    // Six decimals are about 10 cm: more would only be noise from the screen's pixels.
    const rounded = p && { lat: Number(p.lat.toFixed(6)), lon: Number(p.lon.toFixed(6)) }
    for (const [el, reg, v] of [[latRef.current, lat, rounded?.lat], [lonRef.current, lon, rounded?.lon]] as const) {
      if (!el) continue
      el.value = v === undefined ? '' : String(v)
      // react-hook-form reads a registered input on its change event; a hidden input fires none by itself.
      void reg.onChange({ target: el, type: 'change' })
    }
    setPoint(rounded)
    handle.current?.show(rounded, pan)
  }
  const picked = useEffectEvent((p: LatLon) => choose(p))
  const startPoint = useEffectEvent(() => point)
  // Root data is loaded again after every post: the map is made again only if the profile's map changed.
  const configKey = config ? JSON.stringify(config) : ''

  const show = hydrated && Boolean(config)
  useEffect(() => {
    if (!show || !configKey || !mapRef.current) return
    let cancelled = false
    const el = mapRef.current
    void import('./place-map.client.ts').then(({ placeMap }) => {
      if (cancelled) return
      handle.current = placeMap(el, JSON.parse(configKey) as MapConfig, {
        point: startPoint(), zoomIn: translate(locale, 'zoomIn'), zoomOut: translate(locale, 'zoomOut'),
        onPick: (p) => picked(p),
      })
    })
    return () => {
      cancelled = true
      handle.current?.remove()
      handle.current = null
    }
    // The map is made once per page; later points reach it through handle.show.
  }, [show, configKey, locale])

  // Hidden inputs are controlled: React would otherwise write a stale defaultValue back into them (for a
  // hidden input the default is the value) whenever the component renders again.
  const hidden = (
    <>
      <input type="hidden" value={point ? String(point.lat) : ''} {...lat} ref={(el) => { lat.ref(el); latRef.current = el }} />
      <input type="hidden" value={point ? String(point.lon) : ''} {...lon} ref={(el) => { lon.ref(el); lonRef.current = el }} />
    </>
  )
  if (!show) return hidden
  return (
    <div className={props.className} id={`${id}-field`}>
      {hidden}
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="legend">{label}</legend>
        <Hint id={id} text={hint} />
        <ErrorMessage id={id} message={error} locale={locale} />
        <p id={`${id}-keys`} className="hint">{translate(locale, 'mapKeys')}</p>
        <div
          id={mapId} ref={mapRef} className="place-map" role="application" aria-label={label}
          aria-describedby={`${id}-keys${hint ? ` ${id}-hint` : ''}`}
        />
        <p className="place-map__chosen" aria-live="polite">
          {point ? translate(locale, 'mapChosen', { point: shown(point) }) : translate(locale, 'mapNoneChosen')}
        </p>
        <div className="button-group">
          {canLocate && (
            <button
              type="button" className="button button--secondary"
              onClick={() => navigator.geolocation.getCurrentPosition((pos) => choose({ lat: pos.coords.latitude, lon: pos.coords.longitude }, true))}
            >
              {translate(locale, 'useMyLocation')}
            </button>
          )}
          {point && (
            <button type="button" className="button button--secondary" onClick={() => choose(null)}>{translate(locale, 'mapClear')}</button>
          )}
        </div>
      </fieldset>
    </div>
  )
}
