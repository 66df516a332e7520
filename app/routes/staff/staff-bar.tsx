import { Form, NavLink } from 'react-router'
import { ACCESS_LOG_ROLES, type StaffRole as Role } from '#services/auth/staff-roles.ts'
import { useRootData } from '#app/root-data.ts'
import { NeedsMeLink } from './needs-me-link.tsx'

/** Which staff pages each role has; the server checks the same roles in every loader and action. */
const LINKS: { to: string; label: string; roles: Role[] }[] = [
  { to: '/servicecenter', label: 'Ärenden', roles: ['handlaggare', 'teamledare', 'admin'] },
  { to: '/servicecenter/sok', label: 'Sök', roles: ['handlaggare', 'teamledare', 'admin'] },
  { to: '/servicecenter/kontakt', label: 'Ny kontakt', roles: ['handlaggare', 'teamledare', 'admin'] },
  { to: '/servicecenter/registrera', label: 'Registrera ärende', roles: ['handlaggare', 'teamledare', 'admin'] },
  { to: '/servicecenter/foreningar', label: 'Föreningsregister', roles: ['handlaggare', 'teamledare', 'admin'] },
  { to: '/servicecenter/post', label: 'Att skicka med post', roles: ['handlaggare', 'teamledare', 'admin'] },
  { to: '/servicecenter/statistik', label: 'Statistik', roles: ['teamledare', 'admin'] },
  { to: '/servicecenter/mallar', label: 'Standardsvar', roles: ['teamledare', 'admin'] },
  { to: '/servicecenter/personal', label: 'Personal', roles: ['admin'] },
  { to: '/servicecenter/utkorg', label: 'Utkorg', roles: ['admin'] },
  { to: '/servicecenter/jobb', label: 'Jobb', roles: ['admin'] },
  { to: '/servicecenter/gallring', label: 'Gallring', roles: ['admin'] },
  { to: '/servicecenter/registerutdrag', label: 'Registerutdrag', roles: ['dataskydd', 'admin'] },
  { to: '/servicecenter/atkomstlogg', label: 'Åtkomstlogg', roles: [...ACCESS_LOG_ROLES] },
  // Kiosks (issue 6): help requests for the staff of each location, enrolment for admins.
  { to: '/servicecenter/hjalp', label: 'Hjälp vid kunddatorer', roles: ['handlaggare', 'teamledare', 'admin', 'bibliotek'] },
  { to: '/servicecenter/kiosker', label: 'Kunddatorer', roles: ['admin'] },
]

export function StaffBar({ name, role }: { name: string; role?: Role }) {
  const root = useRootData()
  const links = role ? LINKS.filter((l) => l.roles.includes(role)) : []
  return (
    <div className="staff-bar">
      <span>Servicecenter · inloggad som <strong>{name}</strong></span>
      {links.length > 0 && (
        <nav aria-label="Servicecenter">
          <ul className="staff-nav">
            {links.map((l) => (
              <li key={l.to}><NavLink to={l.to} end>{l.label}</NavLink></li>
            ))}
            {typeof root?.needsMe === 'number' && <li><NeedsMeLink count={root.needsMe} /></li>}
          </ul>
        </nav>
      )}
      <Form method="post" action="/servicecenter/logga-ut">
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <button type="submit" className="button button--link">Logga ut</button>
      </Form>
    </div>
  )
}
