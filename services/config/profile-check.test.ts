import { describe, expect, it } from 'vitest'
import { FORMS } from '#forms/registry.ts'
import defaults from '#config/municipality.json' with { type: 'json' }
import { MunicipalitySchema } from './municipality.ts'
import { profileProblems } from './profile-check.ts'
import { tileOrigins } from './map-tiles.ts'

const tyreso = MunicipalitySchema.parse(defaults)

describe('municipality profile check', () => {
  it('finds nothing missing in the default profile for every e-service', () => {
    expect(profileProblems(tyreso, FORMS)).toEqual([])
  })

  it('names a missing setting, team and department', () => {
    const lacking = { ...tyreso, settings: {}, retention: Object.fromEntries(Object.entries(tyreso.retention).filter(([id]) => id !== 'felanmalan')), teams: tyreso.teams.filter((t) => t.id !== 'avfall'), departments: [] }
    const problems = profileProblems(lacking, FORMS)
    expect(problems).toContain('trygghetslarm: setting "trygghetslarmMinAge" is missing from the municipality profile')
    expect(problems).toContain('nyinflyttad: team "avfall" is not in the municipality profile')
    expect(problems).toContain('felanmalan: retention rule (records plan) is missing from the municipality profile')
    expect(problems).toContain('parkeringstillstand: department "samhallsbyggnad" is not in the municipality profile')
  })

  it('wants the map to start inside the municipality, within the tiles\' zoom, and its tiles over https', () => {
    const map = tyreso.map!
    const off = { ...tyreso, map: { ...map, center: { lat: 57.7, lon: 11.97 }, zoom: 20, tiles: { ...map.tiles, url: 'http://tiles.example.se/{z}/{x}/{y}.png' } } }
    expect(profileProblems(off, FORMS)).toEqual([
      'map: the centre is outside the municipality\'s bounds',
      'map: the start zoom is above the tiles\' maxZoom',
      'map: the tile URL must use https',
    ])
    const local = { ...tyreso, map: { ...map, tiles: { ...map.tiles, url: 'http://127.0.0.1:4411/{z}/{x}/{y}.png' } } }
    expect(profileProblems(local, FORMS)).toEqual([])
    expect(profileProblems({ ...tyreso, map: undefined }, FORMS)).toEqual([])
  })

  it('refuses a tile URL that is not a template of {z}, {x} and {y}', () => {
    const bad = { ...defaults, map: { ...defaults.map, tiles: { ...defaults.map.tiles, url: 'https://tiles.example.se/tile.png' } } }
    expect(MunicipalitySchema.safeParse(bad).success).toBe(false)
  })
})

describe('tile origins for the Content-Security-Policy', () => {
  it('are the template\'s origin, one per sub-domain, and none without a map', () => {
    const map = tyreso.map!
    expect(tileOrigins(map)).toEqual(['https://tile.openstreetmap.org'])
    expect(tileOrigins({ ...map, tiles: { ...map.tiles, url: 'https://{s}.karta.example.se/{z}/{x}/{y}.png', subdomains: ['a', 'b'] } }))
      .toEqual(['https://a.karta.example.se', 'https://b.karta.example.se'])
    expect(tileOrigins(undefined)).toEqual([])
  })
})
