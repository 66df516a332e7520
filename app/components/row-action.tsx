import { Form } from 'react-router'
import { useRootData } from '#app/root-data.ts'

/**
 * A one-button post for one row of a list (retry a mail or a job, revoke a kiosk, take a case): the CSRF token
 * and the hidden values that name the row, to the page's own action unless `action` says otherwise. `what`
 * names the row for screen readers, since every row has a button of the same text.
 */
export function RowAction({ action, fields, intent, label, what }: {
  action?: string; fields: Record<string, string | number>; intent?: string; label: string; what: string
}) {
  const root = useRootData()
  return (
    <Form method="post" action={action}>
      <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" name={intent && 'intent'} value={intent} className="button button--secondary button--small">
        {label}<span className="visually-hidden"> {what}</span>
      </button>
    </Form>
  )
}
