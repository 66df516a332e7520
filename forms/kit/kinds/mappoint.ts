import * as z from 'zod/mini'
import { message, requiredFrom } from '../messages.ts'
import type { MapPointField } from '../types.ts'
import { checkWith, preprocess, str, type Kind } from './kind.ts'

const coord = (raw: unknown, key: 'lat' | 'lon'): number | undefined => {
  const v = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined
  if (typeof v === 'number') return v
  const s = str(v).trim().replace(',', '.')
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined
}

const POINT = {
  required: { sv: 'Platsen saknas. Ange latitud och longitud', en: 'The place is missing. Enter the latitude and longitude' },
  invalid: {
    sv: 'Ange platsen som latitud och longitud i decimalgrader, till exempel 59.2441 och 18.2290',
    en: 'Enter the place as latitude and longitude in decimal degrees, like 59.2441 and 18.2290',
  },
  outside: { sv: 'Platsen ligger utanför kommunen. Kontrollera koordinaterna', en: 'The place is outside the municipality. Check the coordinates' },
}

export const mappoint: Kind<MapPointField> = {
  schema: (field, ctx) => {
    const invalid = message(field, 'invalid', ctx.locale, POINT.invalid)
    const degrees = (max: number) => z.number(invalid).check(z.gte(-max, invalid), z.lte(max, invalid))
    return preprocess(
      (raw) => ({ lat: coord(raw, 'lat'), lon: coord(raw, 'lon') }),
      z.object({ lat: degrees(90), lon: degrees(180) }, { error: invalid }).check(checkWith<{ lat: number; lon: number }>((p, zctx) => {
        const b = ctx.bounds
        if (field.withinMunicipality && b && (p.lat < b.minLat || p.lat > b.maxLat || p.lon < b.minLon || p.lon > b.maxLon))
          zctx.addIssue({ path: ['lat'], message: message(field, 'outside', ctx.locale, POINT.outside) })
      })),
    )
  },
  isEmpty: (raw) => coord(raw, 'lat') === undefined && coord(raw, 'lon') === undefined &&
    !(raw && typeof raw === 'object' && Object.values(raw).some((v) => str(v).trim() !== '')),
  format: (v) => {
    const lat = coord(v, 'lat'), lon = coord(v, 'lon')
    return lat === undefined || lon === undefined ? '' : `${lat.toFixed(5)}, ${lon.toFixed(5)}`
  },
  inputNames: (f) => [`${f.id}.lat`, `${f.id}.lon`],
  requiredMessage: requiredFrom(POINT),
  messages: (f) => (f.withinMunicipality ? POINT : { required: POINT.required, invalid: POINT.invalid }),
}
