import { data, Form, useNavigation } from 'react-router'
import { PERSONNUMMER_HINT } from '#forms/kit/examples.ts'
import { formatPersonnummer } from '#forms/kit/kinds/personnummer.ts'
import { audit } from '#services/audit/audit.server.ts'
import { readForm } from '#services/auth/csrf.server.ts'
import { requireStaff } from '#services/auth/require-staff.server.ts'
import { collectRegisterExtract } from '#services/extract/collect.server.ts'
import { ErrorSummary } from '#app/components/forms/error-summary.tsx'
import { useRootData } from '#app/root-data.ts'
import { EXTRACT_ROLES } from './register-extract-roles.ts'
import { readExtractInput } from './register-extract-input.server.ts'
import { StaffBar } from './staff-bar.tsx'
import type { Route } from './+types/register-extract'

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request, EXTRACT_ROLES)
  return { staff: { name: staff.name, role: staff.role } }
}

/**
 * "Skapa registerutdrag": checks the personnummer, writes the audit entry, and shows what was found with the
 * PDF and JSON downloads. A POST, so the personnummer never lands in an address, history or access log.
 */
export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request, EXTRACT_ROLES)
  const r = readExtractInput(await readForm(request))
  if (!r.ok) return data({ errors: r.errors, typed: r.typed, result: null }, { status: 400 })
  await audit(staff.id, 'register.extract', { details: { personnummer: r.input.personnummer, libraryCard: r.input.libraryCard, step: 'summary' } })
  const x = await collectRegisterExtract(r.input.personnummer, r.input)
  return {
    errors: [], typed: null,
    result: {
      ...r.input,
      shown: formatPersonnummer(r.input.personnummer),
      counts: [
        ['Ärenden', x.cases.length],
        ['Meddelanden', x.cases.flatMap((c) => c.events).filter((e) => e.type === 'message').length],
        ['Bifogade filer', x.cases.flatMap((c) => c.attachments).length + x.drafts.flatMap((d) => d.attachments).length],
        ['Utkast', x.drafts.length],
        ['Inloggningar och BankID-beställningar', x.sessions.length + x.bankidOrders.length],
        ['Ärenden vid kunddator', x.kioskVisits.length],
        ['Föreningsregistret', x.associationHistory.length],
        ['E-post', x.emails.length],
        ['Åtkomster i loggen', x.access.length],
      ] as [string, number][],
    },
  }
}

export default function RegisterExtract({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const root = useRootData()
  const busy = useNavigation().state === 'submitting'
  const errors = a?.errors ?? []
  const error = (anchor: string) => errors.find((e) => e.anchor === anchor)?.message
  const field = (id: 'personnummer' | 'libraryCard', label: string, hint: string) => {
    const e = error(id)
    return (
      <div className={`field${e ? ' field--error' : ''}`}>
        <label className="label" htmlFor={id}>{label}</label>
        <div id={`${id}-hint`} className="hint">{hint}</div>
        {e && <p id={`${id}-error`} className="error-message"><span className="visually-hidden">Fel:</span> {e}</p>}
        <input id={id} name={id} className="input" inputMode="numeric" autoComplete="off" spellCheck={false}
          defaultValue={a?.typed?.[id] ?? ''} aria-describedby={e ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={e ? true : undefined} />
      </div>
    )
  }
  return (
    <div lang="sv">
      <title>{`${errors.length ? 'Fel: ' : ''}Registerutdrag – Servicecenter`}</title>
      <StaffBar name={d.staff.name} role={d.staff.role} />
      <ErrorSummary errors={errors} />
      <h1>Registerutdrag</h1>
      <p>
        Allt e-tjänsterna har sparat om en person (dataskyddsförordningen artikel 15): ärenden, utkast, meddelanden,
        bifogade filers namn, inloggningar, kunddatorer och lånekort, föreningsregistret, e-post och vem som har öppnat
        uppgifterna. Kontrollera den sökandes identitet först. Varje utdrag loggas.
      </p>
      <Form method="post" key={a?.result ? 'done' : 'form'}>
        <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
        {field('personnummer', 'Personnummer', `${PERSONNUMMER_HINT.sv} Samordningsnummer går också.`)}
        {field('libraryCard', 'Lånekortsnummer (frivilligt)', 'Om personen har ett lånekort: då kommer även det som gjorts med kortet vid kunddatorerna med.')}
        <button type="submit" className="button" disabled={busy}>Skapa registerutdrag</button>
      </Form>
      {a?.result && (
        <section aria-labelledby="result-h" className="panel">
          <h2 id="result-h">Registerutdrag för {a.result.shown}</h2>
          <p role="status">Registerutdraget är skapat. Ladda ner det som PDF för att läsa eller skicka, eller som JSON för datorprogram.</p>
          <dl className="facts">
            {a.result.counts.map(([label, n]) => <div key={label}><dt>{label}</dt><dd>{n}</dd></div>)}
          </dl>
          {/* A document post, so the browser receives the file itself. */}
          <Form method="post" action="/servicecenter/registerutdrag/fil" reloadDocument className="button-row">
            <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
            <input type="hidden" name="personnummer" value={a.result.personnummer} />
            <input type="hidden" name="libraryCard" value={a.result.libraryCard ?? ''} />
            <button type="submit" name="format" value="pdf" className="button">Ladda ner som PDF</button>
            <button type="submit" name="format" value="json" className="button button--secondary">Ladda ner som JSON</button>
          </Form>
        </section>
      )}
    </div>
  )
}
