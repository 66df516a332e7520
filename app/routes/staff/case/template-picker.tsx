import { Form } from 'react-router'
import type { Intent } from '#services/cases/commands.ts'
import { TEMPLATE_KIND } from '#services/templates/kinds.ts'
import type { CaseTemplates } from '#services/templates/case-templates.server.ts'
import type { CaseActionData } from '../case-action.server.ts'
import { Select } from './fields.tsx'

type Props = { intents: readonly string[]; templates: CaseTemplates }

/**
 * The chosen standard reply as if it had been typed into its form: the action forms show typed values, so the
 * filled text is in the right textarea, editable, with and without JavaScript. Only for a form the page shows.
 */
export function templateFill({ intents, templates }: Props): CaseActionData | undefined {
  const f = templates.filled
  if (!f || !intents.includes(f.intent)) return undefined
  return { intent: f.intent as Intent, values: { [f.field]: f.text } }
}

/**
 * "Standardsvar" on the case page: pick a template of the case's team or one's own, and "Använd mallen" loads
 * the page again with its text filled in (a GET, so it works without JavaScript and changes nothing).
 * Templates for forms the case's state does not offer (a decision on a closed case) are not listed.
 */
export function TemplatePicker({ intents, templates }: Props) {
  const usable = templates.options.filter((o) => intents.includes(TEMPLATE_KIND[o.kind].intent))
  if (!usable.length) return null
  const filled = templateFill({ intents, templates })
  return (
    <section className="action" aria-labelledby="template-h">
      <h3 id="template-h">Standardsvar</h3>
      <Form method="get" reloadDocument className="action-form">
        <Select intent="mall" name="mall" label="Mall" defaultValue={filled ? templates.filled!.id : ''} empty="Välj mall"
          options={usable.map((o) => ({ id: o.id, label: `${TEMPLATE_KIND[o.kind].label}: ${o.title}` }))} />
        <button type="submit" className="button button--secondary">Använd mallen</button>
      </Form>
      {filled && (
        <p role="status">Mallens text står nu i formuläret ”{templates.filled!.label}” nedan. Ändra den om det behövs innan du skickar.</p>
      )}
    </section>
  )
}
