import { Form, useNavigation } from 'react-router'
import type { Intent } from '#services/cases/commands.ts'
import { useRootData } from '#app/root-data.ts'
import type { CaseActionData } from '../case-action.server.ts'
import type { CaseLoaderData } from '../case-data.server.ts'
import { CLOSE_OUTCOME_OPTIONS } from '../labels.ts'
import { DeliveryChoice, supplementReach } from './delivery.tsx'
import { Choices, DateInput, Select, TextArea } from './fields.tsx'

type Props = { d: CaseLoaderData; a?: CaseActionData }

/** A post of one action, carrying the seq the page showed (optimistic concurrency) and the CSRF token. */
export function ActionForm({ intent, seq, label, secondary, children }: {
  intent: Intent; seq: number; label: React.ReactNode; secondary?: boolean; children?: React.ReactNode
}) {
  const root = useRootData()
  const navigation = useNavigation()
  return (
    // preventScrollReset: after the post the page stays where it was; focus moves to the result (case.tsx).
    <Form method="post" noValidate className="action-form" preventScrollReset>
      <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
      <input type="hidden" name="seq" value={seq} />
      {children}
      <button type="submit" name="intent" value={intent} className={`button${secondary ? ' button--secondary' : ''}`} disabled={navigation.state === 'submitting'}>
        {label}
      </button>
    </Form>
  )
}

type ActionFormProps = Parameters<typeof ActionForm>[0]

/** One action on the case page: its heading, a line about what it does, and its form. */
function Action({ title, intro, ...form }: ActionFormProps & { title: string; intro?: React.ReactNode }) {
  return (
    <section className="action">
      <h3>{title}</h3>
      {intro && <p>{intro}</p>}
      <ActionForm {...form} />
    </section>
  )
}

/**
 * What was typed in this form before a failed post, and its errors, as the props of its fields:
 * `field(name, fallback)` for a text box or select, `choice(name)` for radios and checkboxes.
 */
function typed(a: CaseActionData | undefined, intent: Intent) {
  const mine = a?.intent === intent ? a : undefined
  const value = (k: string) => {
    const v = mine?.values[k]
    return Array.isArray(v) ? v.join('\n') : v
  }
  const values = (k: string) => {
    const v = mine?.values[k]
    return v === undefined ? undefined : Array.isArray(v) ? v : [v]
  }
  const error = (k: string) => mine?.errors?.[k]
  // "Skicka som brev" is ticked until a post of this form left it unticked.
  const letter = mine ? (values('delivery') ?? []).includes('letter') : true
  return {
    error,
    letter,
    field: (name: string, fallback?: string) => ({ intent, name, error: error(name), defaultValue: value(name) ?? fallback }),
    choice: (name: string) => ({ intent, name, error: error(name), chosen: values(name) ?? [] }),
  }
}

/** The servicecenter's actions on a case, each shown only when the state and the role allow it. */
export function ActionForms({ d, a }: Props) {
  const can = (i: Intent) => d.intents.includes(i)
  const note = typed(a, 'note')
  const msg = typed(a, 'message')
  const sup = typed(a, 'supplement')
  const fwd = typed(a, 'forward')
  const dec = typed(a, 'decide')
  const cls = typed(a, 'close')
  const reo = typed(a, 'reopen')
  const flg = typed(a, 'flag')
  const rea = typed(a, 'reassign')
  const ret = typed(a, 'return')
  const out = typed(a, 'outcome')
  return (
    <>
      {can('accept') && (
        <Action title="Ta emot ärendet" intro="Bekräfta att förvaltningen tar hand om ärendet." intent="accept" seq={d.seq} label="Ta emot ärendet" />
      )}
      {can('outcome') && (
        <Action title="Registrera utfall" intent="outcome" seq={d.seq} label="Registrera utfall och avsluta">
          <TextArea {...out.field('outcomeText')} label="Vad har förvaltningen gjort?" />
        </Action>
      )}
      {can('return') && (
        <Action title="Återför till servicecenter" intent="return" seq={d.seq} label="Återför ärendet" secondary>
          <TextArea {...ret.field('returnComment')} label="Kommentar till servicecenter" hint="Till exempel varför ärendet inte hör till förvaltningen." />
        </Action>
      )}

      {can('supplement') && (
        <Action title="Begär komplettering" intro={supplementReach(d.reach)} intent="supplement" seq={d.seq} label="Skicka begäran om komplettering">
          <Choices {...sup.choice('items')} label="Vad saknas?" multiple
            options={d.checklist.filter((i) => !i.id.startsWith('flag:')).map((i) => ({ id: i.id, label: i.name }))} />
          <TextArea {...sup.field('message')} label="Meddelande till medborgaren" hint="Skriv vad som behövs och varför, med enkla ord." />
          <DateInput {...sup.field('dueDate', d.options.supplementDue)} label="Sista dag att komplettera" hint="Till exempel 2026-12-31." />
          <DeliveryChoice intent="supplement" reach={d.reach} chosen={sup.letter} error={sup.error('delivery')} />
        </Action>
      )}
      {can('forward') && (
        <Action title="Vidarebefordra till förvaltning" intent="forward" seq={d.seq} label="Vidarebefordra">
          <Select {...fwd.field('department', d.options.defaultDepartment ?? '')} label="Förvaltning" options={d.options.departments} empty="Välj förvaltning" />
          <TextArea {...fwd.field('forwardNote')} label="Anteckning till förvaltningen" />
        </Action>
      )}
      {can('decide') && (
        <Action title="Fatta beslut" intent="decide" seq={d.seq} label="Fatta beslut" intro={<>
          Beslutet blir ett beslutsbrev (PDF) med skälen, vad beslutet grundar sig på och {d.appealable ? 'hur man överklagar' : 'om det kan överklagas'}.
          {d.reach.identified ? ' Medborgaren läser det på Mina sidor.' : ''}{d.reach.email ? ' Medborgaren får besked med e-post.' : ''}
        </>}>
          <Choices {...dec.choice('decision')} label="Beslut"
            options={[{ id: 'approved', label: 'Bifall – ansökan beviljas' }, { id: 'denied', label: 'Avslag – ansökan avslås' }]} />
          <TextArea {...dec.field('reasons')} label="Skäl för beslutet" hint="Förvaltningslagen 32 §: vilka regler och omständigheter beslutet bygger på." rows={6} />
          <DeliveryChoice intent="decide" reach={d.reach} chosen={dec.letter} error={dec.error('delivery')} />
          {/* The same post without deciding: the page answers with the letter as it would read (case-action.server.ts). */}
          <button type="submit" name="intent" value="preview" className="button button--secondary">Förhandsgranska beslutsbrevet</button>
        </Action>
      )}
      {can('close') && (
        <Action title="Avsluta ärendet" intent="close" seq={d.seq} label="Avsluta ärendet">
          <Choices {...cls.choice('outcome')} label="Utfall" options={CLOSE_OUTCOME_OPTIONS.map(([id, label]) => ({ id, label }))} />
          <TextArea {...cls.field('closeComment')} label="Kommentar (intern)" rows={3} />
        </Action>
      )}
      {can('reopen') && (
        <Action title="Återöppna ärendet" intent="reopen" seq={d.seq} label="Återöppna" secondary>
          <TextArea {...reo.field('reopenReason')} label="Varför öppnas ärendet igen?" rows={3} />
        </Action>
      )}
      {can('message') && d.canMessage && (
        <Action title="Meddelande till medborgaren" intro="Visas på Mina sidor och skickas med e-post när adressen är känd."
          intent="message" seq={d.seq} label="Skicka meddelande" secondary>
          <TextArea {...msg.field('message')} label="Meddelande" />
        </Action>
      )}
      {can('note') && (
        <Action title="Intern anteckning" intro="Syns bara för personal." intent="note" seq={d.seq} label="Spara anteckning" secondary>
          <TextArea {...note.field('note')} label="Anteckning" />
        </Action>
      )}
      {can('flag') && (
        <Action title="Flagga ärendet" intent="flag" seq={d.seq} label="Flagga" secondary>
          <Select {...flg.field('flag')} label="Flagga" options={d.options.flags.map(([id, label]) => ({ id, label }))} empty="Välj flagga" />
          <TextArea {...flg.field('reason')} label="Skäl" rows={2} />
        </Action>
      )}
      {can('reassign') && (
        <Action title="Fördela om" intent="reassign" seq={d.seq} label="Fördela om" secondary>
          <Select {...rea.field('assignee')} label="Handläggare" options={d.options.staff} empty="Ingen (tillbaka till Nya)" />
          <Select {...rea.field('team')} label="Team" options={d.options.teams} empty="Behåll nuvarande team" />
        </Action>
      )}
    </>
  )
}
