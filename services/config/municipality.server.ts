import { readFileSync } from 'node:fs'
import defaults from '#config/municipality.json' with { type: 'json' }
import { FORMS } from '#forms/registry.ts'
import { contactDefinition } from '../contacts/definition.ts'
import { env } from '../env.server.ts'
import { MunicipalitySchema, type Municipality } from './municipality.ts'
import { profileProblems } from './profile-check.ts'

let cached: Municipality | undefined

/**
 * The municipality profile: Tyresö by default, another municipality's JSON file through
 * MUNICIPALITY_CONFIG. Checked at start so a broken profile stops the portal, not a citizen's form.
 */
export function municipality(): Municipality {
  if (!cached) {
    const path = env().MUNICIPALITY_CONFIG
    const raw: unknown = path ? JSON.parse(readFileSync(path, 'utf8')) : defaults
    const profile = MunicipalitySchema.parse(raw)
    // Contacts are checked like an e-service: their team must exist and their retention rule be there (ADR 032).
    const problems = profileProblems(profile, [...FORMS, contactDefinition(profile)])
    if (problems.length) throw new Error(`The municipality profile is incomplete:\n- ${problems.join('\n- ')}`)
    cached = profile
  }
  return cached
}

/** The municipality as a letter, receipt or extract names its sender: name and contact details from the profile. */
export function sender(): { name: string; address: string; phone: string; email: string } {
  const m = municipality()
  return { name: m.name, address: m.contact.address, phone: m.contact.phone, email: m.contact.email }
}

let dayFormat: Intl.DateTimeFormat | undefined

/** Today's date in the municipality, which is what "within 90 days" means to its citizens. */
export function todayIso(now = new Date()): string {
  // Building a formatter costs more than a page render's whole loader; the time zone never changes at run time.
  dayFormat ??= new Intl.DateTimeFormat('sv-SE', { timeZone: municipality().timeZone })
  return dayFormat.format(now)
}
