import { data, redirect } from 'react-router'
import { readForm } from '#services/auth/csrf.server.ts'
import { checkPassword, parseAccount, type AccountErrors, type Profile } from '#services/auth/staff-account.ts'
import { createAccount, setAccountActive, setAccountPassword, updateAccount, type AdminResult } from '#services/auth/staff-admin.server.ts'
import { listStaff, requireMember } from '#services/auth/teams.server.ts'
import { municipality } from '#services/config/municipality.server.ts'

/** Which form failed (`new`, or a person's id with `-konto` / `-losenord`), its errors and what was typed (never a password). */
export type AdminActionData = { form: string; errors: Record<string, string>; values: Record<string, string | string[]> }

const INTENTS = ['create', 'update', 'deactivate', 'reactivate', 'password'] as const
type Intent = (typeof INTENTS)[number]

export const profileOf = (): Profile => {
  const m = municipality()
  return { teams: m.teams.map((t) => t.id), departments: m.departments.map((d) => d.id), locations: m.locations.map((l) => l.id) }
}

function typed(form: FormData): AdminActionData['values'] {
  const values: AdminActionData['values'] = {}
  for (const k of ['name', 'email', 'role', 'department', 'location']) values[k] = String(form.get(k) ?? '')
  values.teams = form.getAll('teams').map(String)
  return values
}

const refuse = (formKey: string, errors: AccountErrors | Record<string, string>, form: FormData) =>
  data<AdminActionData>({ form: formKey, errors: errors as Record<string, string>, values: typed(form) }, { status: 400 })

const done = (r: AdminResult, formKey: string, form: FormData, what: string) =>
  r.ok ? redirect(`/servicecenter/personal?klart=${what}&konto=${r.id}`) : refuse(formKey, { [r.field === 'email' ? 'email' : 'staff']: r.message }, form)

/** Every change on /servicecenter/personal: administrators only, checked here as in the loader. */
export async function staffAdminAction(request: Request) {
  const admin = await requireMember(request, ['admin'])
  const form = await readForm(request)
  const intent = String(form.get('intent') ?? '') as Intent
  if (!INTENTS.includes(intent)) throw data(null, { status: 400 })
  const password = String(form.get('password') ?? '')

  if (intent === 'create') {
    const { input, errors } = parseAccount(form, profileOf(), true)
    const pw = checkPassword(password)
    if (pw) errors.password = pw
    if (Object.keys(errors).length) return refuse('new', errors, form)
    return done(await createAccount(input, password, admin.id), 'new', form, 'skapat')
  }

  const id = String(form.get('staffId') ?? '')
  const person = (await listStaff({ includeDisabled: true })).find((p) => p.id === id)
  if (!person) throw data(null, { status: 404 })
  const own = id === admin.id
  switch (intent) {
    case 'update': {
      const { input, errors } = parseAccount(form, profileOf(), false)
      // Someone must always be able to fix roles: an administrator cannot take away their own administration.
      if (own && input.role !== 'admin') errors.role = 'Du kan inte ta bort din egen administratörsroll'
      if (Object.keys(errors).length) return refuse(`${id}-konto`, errors, form)
      return done(await updateAccount(id, { ...input, name: person.name, email: person.email }, admin.id), `${id}-konto`, form, 'sparat')
    }
    case 'password': {
      const pw = checkPassword(password)
      if (pw) return refuse(`${id}-losenord`, { password: pw }, form)
      return done(await setAccountPassword(id, password, admin.id), `${id}-losenord`, form, 'losenord')
    }
    case 'deactivate':
    case 'reactivate':
      if (own) return refuse(`${id}-konto`, { staff: 'Du kan inte stänga av ditt eget konto' }, form)
      return done(await setAccountActive(id, intent === 'reactivate', admin.id), `${id}-konto`, form, intent === 'reactivate' ? 'aktiverat' : 'avstangt')
  }
}
