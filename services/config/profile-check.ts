import { referencedTeams, requiredSettings, type FormDefinition } from '#forms/kit/index.ts'
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
  problems.push(...mapProblems(profile))
  return problems
}

/** The map's start must lie in the municipality and its zoom be one the tile server has; tiles go over https. */
function mapProblems({ map, bounds }: Municipality): string[] {
  if (!map) return []
  const problems: string[] = []
  const { lat, lon } = map.center
  if (lat < bounds.minLat || lat > bounds.maxLat || lon < bounds.minLon || lon > bounds.maxLon)
    problems.push('map: the centre is outside the municipality\'s bounds')
  if (map.zoom > map.tiles.maxZoom) problems.push('map: the start zoom is above the tiles\' maxZoom')
  // Plain http only to this machine (the tests' tile fixture): a tile over http shows where a visitor looks to the network.
  const url = new URL(map.tiles.url.replace(/\{[a-z]\}/g, '0'))
  if (url.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
    problems.push('map: the tile URL must use https')
  return problems
}
