/**
 * A route's `headers`: React Router passes an action's status to the document but not its other headers, so
 * the Retry-After of an abuse limit's 429 (issue 10) is handed on here, beside what the parent routes set.
 */
export function retryAfterHeaders({ actionHeaders, parentHeaders }: { actionHeaders: Headers; parentHeaders: Headers }): Headers {
  const headers = new Headers(parentHeaders)
  const retryAfter = actionHeaders.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}
