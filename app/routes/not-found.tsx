import { data } from 'react-router'
import { SCRIPT_FREE } from '#app/script-free.ts'

export function loader() {
  throw data(null, { status: 404 })
}

export function action() {
  throw data(null, { status: 404 })
}

/** Plain HTML: no scripts for an anonymous visitor (app/script-free.ts). */
export const handle = SCRIPT_FREE

export default function NotFound() {
  return null
}
