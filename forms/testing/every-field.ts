import { FORMS } from '../registry.ts'
import type { FieldDef, FormDefinition, PageDef } from '../kit/index.ts'

export type FieldAt = { def: FormDefinition; page: PageDef; field: FieldDef; path: string }

/** Every field of every registered e-service, group sub-fields included, with a path for failure messages. */
export function everyField(): FieldAt[] {
  const out: FieldAt[] = []
  for (const def of FORMS)
    for (const page of def.pages)
      for (const field of page.fields) {
        out.push({ def, page, field, path: `${def.id}.${page.id}.${field.id}` })
        if (field.kind === 'group')
          for (const sub of field.fields) out.push({ def, page, field: sub, path: `${def.id}.${page.id}.${field.id}.${sub.id}` })
      }
  return out
}
