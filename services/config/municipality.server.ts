import { readFileSync } from 'node:fs'
import defaults from '../../config/municipality.json' with { type: 'json' }
import { MunicipalitySchema, type Municipality } from './municipality.ts'

let cached: Municipality | undefined

/**
 * The municipality profile: Tyresö by default, another municipality's JSON file through
 * MUNICIPALITY_CONFIG. Checked at start so a broken profile stops the portal, not a citizen's form.
 */
export function municipality(): Municipality {
  if (!cached) {
    const path = process.env.MUNICIPALITY_CONFIG
    const raw: unknown = path ? JSON.parse(readFileSync(path, 'utf8')) : defaults
    cached = MunicipalitySchema.parse(raw)
  }
  return cached
}

/** Today's date in the municipality, which is what "within 90 days" means to its citizens. */
export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: municipality().timeZone }).format(now)
}
