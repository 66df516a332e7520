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

/** What was typed in this form before a failed post, and its errors. */
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
  // "Skicka som brev" is ticked until a post of this form left it unticked.
  const letter = mine ? (values('delivery') ?? []).includes('letter') : true
  return { value, values, error: (k: string) => mine?.errors?.[k], letter }
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
        <section className="action">
          <h3>Ta emot ärendet</h3>
          <p>Bekräfta att förvaltningen tar hand om ärendet.</p>
          <ActionForm intent="accept" seq={d.seq} label="Ta emot ärendet" />
        </section>
      )}
      {can('outcome') && (
        <section className="action">
          <h3>Registrera utfall</h3>
          <ActionForm intent="outcome" seq={d.seq} label="Registrera utfall och avsluta">
            <TextArea intent="outcome" name="outcomeText" label="Vad har förvaltningen gjort?" error={out.error('outcomeText')} defaultValue={out.value('outcomeText')} />
          </ActionForm>
        </section>
      )}
      {can('return') && (
        <section className="action">
          <h3>Återför till servicecenter</h3>
          <ActionForm intent="return" seq={d.seq} label="Återför ärendet" secondary>
            <TextArea intent="return" name="returnComment" label="Kommentar till servicecenter" hint="Till exempel varför ärendet inte hör till förvaltningen."
              error={ret.error('returnComment')} defaultValue={ret.value('returnComment')} />
          </ActionForm>
        </section>
      )}

      {can('supplement') && (
        <section className="action">
          <h3>Begär komplettering</h3>
          {supplementReach(d.reach) && <p>{supplementReach(d.reach)}</p>}
          <ActionForm intent="supplement" seq={d.seq} label="Skicka begäran om komplettering">
            <Choices intent="supplement" name="items" label="Vad saknas?" multiple error={sup.error('items')} chosen={sup.values('items') ?? []}
              options={d.checklist.filter((i) => !i.id.startsWith('flag:')).map((i) => ({ id: i.id, label: i.name }))} />
            <TextArea intent="supplement" name="message" label="Meddelande till medborgaren" hint="Skriv vad som behövs och varför, med enkla ord."
              error={sup.error('message')} defaultValue={sup.value('message')} />
            <DateInput intent="supplement" name="dueDate" label="Sista dag att komplettera" hint="Till exempel 2026-12-31."
              error={sup.error('dueDate')} defaultValue={sup.value('dueDate') ?? d.options.supplementDue} />
            <DeliveryChoice intent="supplement" reach={d.reach} chosen={sup.letter} error={sup.error('delivery')} />
          </ActionForm>
        </section>
      )}
      {can('forward') && (
        <section className="action">
          <h3>Vidarebefordra till förvaltning</h3>
          <ActionForm intent="forward" seq={d.seq} label="Vidarebefordra">
            <Select intent="forward" name="department" label="Förvaltning" options={d.options.departments} empty="Välj förvaltning"
              error={fwd.error('department')} defaultValue={fwd.value('department') ?? d.options.defaultDepartment ?? ''} />
            <TextArea intent="forward" name="forwardNote" label="Anteckning till förvaltningen" error={fwd.error('forwardNote')} defaultValue={fwd.value('forwardNote')} />
          </ActionForm>
        </section>
      )}
      {can('decide') && (
        <section className="action">
          <h3>Fatta beslut</h3>
          <p>
            Beslutet blir ett beslutsbrev (PDF) med skälen, vad beslutet grundar sig på och {d.appealable ? 'hur man överklagar' : 'om det kan överklagas'}.
            {d.reach.identified ? ' Medborgaren läser det på Mina sidor.' : ''}{d.reach.email ? ' Medborgaren får besked med e-post.' : ''}
          </p>
          <ActionForm intent="decide" seq={d.seq} label="Fatta beslut">
            <Choices intent="decide" name="decision" label="Beslut" error={dec.error('decision')} chosen={dec.values('decision') ?? []}
              options={[{ id: 'approved', label: 'Bifall – ansökan beviljas' }, { id: 'denied', label: 'Avslag – ansökan avslås' }]} />
            <TextArea intent="decide" name="reasons" label="Skäl för beslutet" hint="Förvaltningslagen 32 §: vilka regler och omständigheter beslutet bygger på."
              error={dec.error('reasons')} defaultValue={dec.value('reasons')} rows={6} />
            <DeliveryChoice intent="decide" reach={d.reach} chosen={dec.letter} error={dec.error('delivery')} />
            {/* The same post without deciding: the page answers with the letter as it would read (case-action.server.ts). */}
            <button type="submit" name="intent" value="preview" className="button button--secondary">Förhandsgranska beslutsbrevet</button>
          </ActionForm>
        </section>
      )}
      {can('close') && (
        <section className="action">
          <h3>Avsluta ärendet</h3>
          <ActionForm intent="close" seq={d.seq} label="Avsluta ärendet">
            <Choices intent="close" name="outcome" label="Utfall" error={cls.error('outcome')} chosen={cls.values('outcome') ?? []}
              options={CLOSE_OUTCOME_OPTIONS.map(([id, label]) => ({ id, label }))} />
            <TextArea intent="close" name="closeComment" label="Kommentar (intern)" error={cls.error('closeComment')} defaultValue={cls.value('closeComment')} rows={3} />
          </ActionForm>
        </section>
      )}
      {can('reopen') && (
        <section className="action">
          <h3>Återöppna ärendet</h3>
          <ActionForm intent="reopen" seq={d.seq} label="Återöppna" secondary>
            <TextArea intent="reopen" name="reopenReason" label="Varför öppnas ärendet igen?" error={reo.error('reopenReason')} defaultValue={reo.value('reopenReason')} rows={3} />
          </ActionForm>
        </section>
      )}
      {can('message') && d.canMessage && (
        <section className="action">
          <h3>Meddelande till medborgaren</h3>
          <p>Visas på Mina sidor och skickas med e-post när adressen är känd.</p>
          <ActionForm intent="message" seq={d.seq} label="Skicka meddelande" secondary>
            <TextArea intent="message" name="message" label="Meddelande" error={msg.error('message')} defaultValue={msg.value('message')} />
          </ActionForm>
        </section>
      )}
      {can('note') && (
        <section className="action">
          <h3>Intern anteckning</h3>
          <p>Syns bara för personal.</p>
          <ActionForm intent="note" seq={d.seq} label="Spara anteckning" secondary>
            <TextArea intent="note" name="note" label="Anteckning" error={note.error('note')} defaultValue={note.value('note')} />
          </ActionForm>
        </section>
      )}
      {can('flag') && (
        <section className="action">
          <h3>Flagga ärendet</h3>
          <ActionForm intent="flag" seq={d.seq} label="Flagga" secondary>
            <Select intent="flag" name="flag" label="Flagga" options={d.options.flags.map(([id, label]) => ({ id, label }))} empty="Välj flagga"
              error={flg.error('flag')} defaultValue={flg.value('flag')} />
            <TextArea intent="flag" name="reason" label="Skäl" error={flg.error('reason')} defaultValue={flg.value('reason')} rows={2} />
          </ActionForm>
        </section>
      )}
      {can('reassign') && (
        <section className="action">
          <h3>Fördela om</h3>
          <ActionForm intent="reassign" seq={d.seq} label="Fördela om" secondary>
            <Select intent="reassign" name="assignee" label="Handläggare" options={d.options.staff} empty="Ingen (tillbaka till Nya)"
              error={rea.error('assignee')} defaultValue={rea.value('assignee')} />
            <Select intent="reassign" name="team" label="Team" options={d.options.teams} empty="Behåll nuvarande team"
              error={rea.error('team')} defaultValue={rea.value('team')} />
          </ActionForm>
        </section>
      )}
    </>
  )
}
