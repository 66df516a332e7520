import { describe, expect, it } from 'vitest'
import { FORMS } from '../../forms/registry.ts'
import defaults from '../../config/municipality.json' with { type: 'json' }
import { MunicipalitySchema } from './municipality.ts'
import { profileProblems } from './profile-check.ts'

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
})
