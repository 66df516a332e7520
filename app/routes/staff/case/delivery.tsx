import type { CaseLoaderData } from '../case-data.server.ts'
import { Choices } from './fields.tsx'

type Reach = CaseLoaderData['reach']

/** How a supplement request reaches the citizen, in one honest sentence (nothing when nothing does: see DeliveryChoice). */
export function supplementReach(reach: Reach): string | null {
  if (reach.identified && reach.email) return 'Medborgaren får begäran på Mina sidor och med e-post och svarar där.'
  if (reach.identified) return 'Medborgaren ser begäran på Mina sidor och svarar där.'
  if (reach.email) return 'Medborgaren får begäran med e-post.'
  return null
}

/**
 * Where no e-mail address is known, says so plainly and offers a letter instead ("Skicka som brev", to the
 * postal address the case holds), or says that no letter can go either (ADR 034).
 */
export function DeliveryChoice({ intent, reach, chosen, error }: { intent: string; reach: Reach; chosen: boolean; error?: string }) {
  if (reach.email) return null
  const mina = reach.identified ? ' Det syns på Mina sidor, men medborgaren får ingen avisering om det.' : ''
  if (!reach.recipient) {
    return (
      <div className="notice notice--warning">
        <p>Det finns ingen e-postadress och ingen postadress i ärendet, så det går inte att skicka e-post eller brev.{mina} Ring medborgaren eller nå hen på annat sätt.</p>
      </div>
    )
  }
  return (
    <>
      <div className="notice"><p>Det finns ingen e-postadress i ärendet, så medborgaren får ingen e-post.{mina} Skicka ett brev i stället.</p></div>
      <Choices intent={intent} name="delivery" label="Brev med post" multiple error={error} chosen={chosen ? ['letter'] : []}
        options={[{ id: 'letter', label: 'Skicka som brev', hint: `till ${reach.recipient}. Brevet hamnar på listan Att skicka med post.` }]} />
    </>
  )
}
