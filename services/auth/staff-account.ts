import { MIN_PASSWORD_LENGTH, STAFF_ROLES, type StaffRole } from './staff-roles.ts'

/**
 * What an administrator posts for a staff account (create or edit), checked field by field in the words
 * the error summary shows. Pure: the profile's teams, departments and locations are passed in.
 */
export type AccountInput = {
  name: string
  email: string
  role: StaffRole
  teams: string[]
  department: string | null
  location: string | null
}

export type Profile = { teams: string[]; departments: string[]; locations: string[] }
export type AccountErrors = Partial<Record<'name' | 'email' | 'role' | 'teams' | 'department' | 'location' | 'password', string>>

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const str = (form: FormData, name: string) => String(form.get(name) ?? '').trim()

export function checkPassword(password: string): string | null {
  if (!password) return 'Skriv ett lösenord'
  return password.length < MIN_PASSWORD_LENGTH ? `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken` : null
}

/** `withIdentity`: a new account also names the person and their e-mail; an edit changes role and scope only. */
export function parseAccount(form: FormData, profile: Profile, withIdentity: boolean): { input: AccountInput; errors: AccountErrors } {
  const errors: AccountErrors = {}
  const role = str(form, 'role') as StaffRole
  const teams = [...new Set(form.getAll('teams').map(String))]
  const department = str(form, 'department') || null
  const location = str(form, 'location') || null
  const name = str(form, 'name')
  const email = str(form, 'email').toLowerCase()
  if (withIdentity) {
    if (!name) errors.name = 'Skriv namnet'
    else if (name.length > 200) errors.name = 'Namnet får ha högst 200 tecken'
    if (!EMAIL.test(email)) errors.email = 'Skriv en e-postadress som namn@kommun.se'
  }
  if (!STAFF_ROLES.includes(role)) errors.role = 'Välj en roll'
  if (teams.some((t) => !profile.teams.includes(t))) errors.teams = 'Välj team i listan'
  if (department && !profile.departments.includes(department)) errors.department = 'Välj en förvaltning i listan'
  if (role === 'forvaltning' && !department) errors.department = 'En förvaltningsanvändare måste tillhöra en förvaltning'
  if (location && !profile.locations.includes(location)) errors.location = 'Välj en plats i listan'
  // Library staff answer help requests only from the kiosks at their own library.
  if (role === 'bibliotek' && !location) errors.location = 'Bibliotekspersonal måste ha en arbetsplats'
  return {
    input: {
      name, email, role, teams: role === 'forvaltning' ? [] : teams,
      department: role === 'forvaltning' ? department : null, location: role === 'forvaltning' ? null : location,
    },
    errors,
  }
}
