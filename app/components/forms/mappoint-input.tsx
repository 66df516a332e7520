import type { MapPointField } from '#forms/kit/types.ts'
import { translate } from '#app/i18n.ts'
import type { FieldProps } from './field.tsx'
import { FieldsetQuestion, PartInput, part } from './question-frame.tsx'
import { inputId } from './input-id.ts'
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
    <FieldsetQuestion id={id} className={props.className} label={label} hint={hint} error={error} locale={locale}>
      {(['lat', 'lon'] as const).map((k) => (
        <PartInput key={k} name={`${field.id}.${k}`} label={translate(locale, k === 'lat' ? 'latitude' : 'longitude')} errors={errors} questionError={error}
          locale={locale} register={register} inputMode="decimal" className="input input--medium" autoComplete="off" defaultValue={part(value, k)} />
      ))}
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
    </FieldsetQuestion>
  )
}
