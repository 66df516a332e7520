import { Link } from 'react-router'
import { needsMeText } from './needs-me-labels.ts'

/** The counter in the staff navigation: a link to Mina that says how many cases need the reader. */
export function NeedsMeLink({ count }: { count: number }) {
  return (
    <Link to="/servicecenter?vy=mina" className={count > 0 ? 'needs-me' : undefined} data-testid="needs-me">
      Mina: {needsMeText(count)}
    </Link>
  )
}
