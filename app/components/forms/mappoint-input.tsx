import type { MapPointField } from '#forms/kit/index.ts'
import { translate } from '#app/i18n.ts'
import { ErrorMessage, Hint, describedBy, part, type FieldProps } from './field.tsx'
import { inputId } from './ids.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { MapPicker } from './map-picker.tsx'

/**
 * Coordinates as two plain inputs, which always work; with JavaScript the device's position can fill
 * them. A question with `input: 'map'` is a map to tap instead (MapPicker), shown only with JavaScript.
 */
export function MapPointInput(props: FieldProps & { field: MapPointField; label: string; hint?: string; className: string }) {
  return props.field.input === 'map' ? <MapPicker {...props} /> : <CoordinateInputs {...props} />
}

function CoordinateInputs(props: FieldProps & { field: MapPointField; label: string; hint?: string; className: string }) {
  const { field, locale, values, errors, register, label, hint } = props
  const id = inputId(field.id)
  const error = errors[field.id]
  // Decided after hydration: the server cannot know, and the markup must match until then.
  const canLocate = useHydrated() && 'geolocation' in navigator
  const value = values[field.id]
  return (
    <div className={props.className} id={`${id}-field`}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="legend">{label}</legend>
        <Hint id={id} text={hint} />
        <ErrorMessage id={id} message={error} locale={locale} />
        {(['lat', 'lon'] as const).map((k) => {
          const name = `${field.id}.${k}`
          const pid = inputId(name)
          const perr = errors[name]
          return (
            <div className={`field field--nested${perr ? ' field--error' : ''}`} key={k}>
              <label className="label label--small" htmlFor={pid}>{translate(locale, k === 'lat' ? 'latitude' : 'longitude')}</label>
              <ErrorMessage id={pid} message={perr} locale={locale} />
              <input
                id={pid} type="text" inputMode="decimal" className="input input--medium" autoComplete="off" defaultValue={part(value, k)}
                aria-invalid={perr || error ? true : undefined} aria-describedby={perr ? `${pid}-error` : undefined}
                {...register(name)}
              />
            </div>
          )
        })}
        {canLocate && (
          <button
            type="button" className="button button--secondary"
            onClick={() => navigator.geolocation.getCurrentPosition((pos) => {
              const set = (k: 'lat' | 'lon', v: number) => {
                const el = document.getElementById(inputId(`${field.id}.${k}`)) as HTMLInputElement | null
                if (el) {
                  el.value = v.toFixed(6)
                  el.dispatchEvent(new Event('input', { bubbles: true }))
                }
              }
              set('lat', pos.coords.latitude)
              set('lon', pos.coords.longitude)
            })}
          >
            {translate(locale, 'useMyLocation')}
          </button>
        )}
      </fieldset>
    </div>
  )
}
