import { z } from 'zod'

const text = z.object({ sv: z.string(), en: z.string() })

export const MunicipalitySchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  logoText: z.string(),
  orgNumber: z.string(),
  timeZone: z.string(),
  contact: z.object({ phone: z.string(), afterHoursPhone: z.string(), email: z.string(), address: z.string() }),
  bounds: z.object({ minLat: z.number(), maxLat: z.number(), minLon: z.number(), maxLon: z.number() }),
  departments: z.array(z.object({ id: z.string(), name: text })),
  teams: z.array(z.object({ id: z.string(), name: text })),
  locations: z.array(z.object({ id: z.string(), kind: z.enum(['servicecenter', 'library']), name: z.string(), address: z.string() })),
  /**
   * Values the form definitions name but must not hard-code (minimum ages, deadlines, postcode prefixes):
   * the keys each definition reads are `requiredSettings(def)`; the start-up check names any that are missing.
   */
  settings: z.record(z.string(), z.unknown()).default({}),
})

export type Municipality = z.infer<typeof MunicipalitySchema>
