import { Form } from 'react-router'
import { useRootData } from '../../root-data.ts'

export function StaffBar({ name }: { name: string }) {
  const root = useRootData()
  return (
    <div className="staff-bar">
      <span>Servicecenter · inloggad som <strong>{name}</strong></span>
      <Form method="post" action="/servicecenter/logga-ut">
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        <button type="submit" className="button button--link">Logga ut</button>
      </Form>
    </div>
  )
}
