import { referencedTeams, requiredSettings, type FormDefinition } from '../../forms/kit/index.ts'
import type { Municipality } from './municipality.ts'

/**
 * What a municipality profile lacks for the e-services it offers: settings their flags read, teams and
 * departments they route to, the retention rule each is kept by. Checked at start, so a gap stops the portal with a message naming it
 * instead of silently flagging every case as "could not be judged".
 */
export function profileProblems(profile: Municipality, forms: readonly FormDefinition[]): string[] {
  const teams = new Set(profile.teams.map((t) => t.id))
  const departments = new Set(profile.departments.map((d) => d.id))
  const problems: string[] = []
  for (const def of forms) {
    for (const key of requiredSettings(def))
      if (profile.settings[key] === undefined) problems.push(`${def.id}: setting "${key}" is missing from the municipality profile`)
    for (const team of referencedTeams(def))
      if (!teams.has(team)) problems.push(`${def.id}: team "${team}" is not in the municipality profile`)
    if (!profile.retention[def.id]) problems.push(`${def.id}: retention rule (records plan) is missing from the municipality profile`)
    const routed = [def.routing.department, ...(def.fanOut ?? []).map((f) => f.department)]
    for (const dep of routed)
      if (dep && !departments.has(dep)) problems.push(`${def.id}: department "${dep}" is not in the municipality profile`)
  }
  return problems
}
