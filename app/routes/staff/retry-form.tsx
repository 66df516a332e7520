import { Form } from 'react-router'
import { useRootData } from '#app/root-data.ts'

/**
 * "Försök igen" for one failed row of an admin list (a mail in the outbox, a job that gave up): posts the row's
 * id with the CSRF token to the page's own action. `what` names the row for screen readers, since every row
 * has a button of the same text.
 */
export function RetryForm({ id, what }: { id: string; what: string }) {
  const root = useRootData()
  return (
    <Form method="post">
      <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button button--secondary button--small">Försök igen<span className="visually-hidden"> {what}</span></button>
    </Form>
  )
}
