import type { FieldErrors as RhfErrors } from 'react-hook-form'

/**
 * Flattens react-hook-form's nested errors to input names ("address.street"), like the server's. A message
 * about a repeating group as a whole comes back as `<group>.root` (react-hook-form keeps it apart from the
 * rows' own errors): it is the group's, as the server names it, so it shows beside the group's fieldset.
 */
export function flatten(errors: RhfErrors, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(errors)) {
    if (!v) continue
    const name = prefix && k === 'root' ? prefix : prefix ? `${prefix}.${k}` : k
    if (typeof v.message === 'string') out[name] = v.message
    else Object.assign(out, flatten(v as RhfErrors, name))
  }
  return out
}
