import type { StaffRole } from '../auth/staff.server.ts'
import type { NewEvent } from './events.ts'
import type { CaseState } from './state.ts'

/** Who is acting, as the rules need to know them. */
export type Who =
  | { kind: 'staff'; id: string; role: StaffRole; department: string | null }
  | { kind: 'citizen' }

export type GuardOptions = { decisionAllowed: boolean }

const SERVICECENTER: readonly StaffRole[] = ['handlaggare', 'teamledare', 'admin']
const LEADS: readonly StaffRole[] = ['teamledare', 'admin']

/**
 * Why `event` may not be appended to a case in state `s` by `who`, in words staff can act on — or null
 * when it may. Checked inside the appending transaction, on the state folded from the locked log, so two
 * people acting at once cannot both pass on a state that no longer holds.
 */
export function refusal(s: CaseState, event: NewEvent, who: Who, opts: GuardOptions): string | null {
  if (who.kind === 'citizen') {
    if (event.type === 'supplement_received') {
      if (s.status !== 'waiting' || !s.supplement) return 'Det finns ingen begäran om komplettering att svara på.'
      if (event.data.requestSeq !== s.supplement.seq) return 'Begäran om komplettering har ersatts av en ny.'
      return null
    }
    if (event.type === 'message' && event.data.direction === 'in') return null
    return 'Den åtgärden kan bara personal göra.'
  }

  const servicecenter = SERVICECENTER.includes(who.role)
  const ourDepartment = who.role === 'forvaltning' && who.department !== null && s.forwardedTo === who.department
  const mine = s.assignee?.id === who.id
  const closed = s.status === 'closed'
  const needsMine = () => (mine ? null : s.assignee ? `Ärendet handläggs av ${s.assignee.name}.` : 'Ta ärendet först.')

  switch (event.type) {
    case 'received':
      return 'Ett ärende tas emot en gång.'
    case 'supplement_received':
      return 'Kompletteringar kommer från medborgaren.'
    case 'note':
      return servicecenter || ourDepartment ? null : 'Du kan inte skriva anteckningar i det här ärendet.'
    case 'accepted':
      if (!ourDepartment) return 'Ärendet är inte vidarebefordrat till din förvaltning.'
      if (s.status !== 'forwarded') return 'Ärendet är inte längre vidarebefordrat.'
      return s.acceptedBy ? `Ärendet är redan mottaget av ${s.acceptedBy.name}.` : null
    case 'returned':
      if (!ourDepartment) return 'Ärendet är inte vidarebefordrat till din förvaltning.'
      return s.status === 'forwarded' ? null : 'Ärendet är inte längre vidarebefordrat.'
    case 'closed':
      if (event.data.outcome === 'department') {
        if (!ourDepartment) return 'Ärendet är inte vidarebefordrat till din förvaltning.'
        return s.status === 'forwarded' ? null : 'Ärendet är inte längre vidarebefordrat.'
      }
      break
  }
  if (!servicecenter) return 'Den åtgärden görs av servicecenter.'

  switch (event.type) {
    case 'claimed':
      if (closed || s.status === 'decided') return 'Ärendet är avslutat.'
      if (mine) return 'Du har redan ärendet.'
      return s.assignee ? `Ärendet handläggs redan av ${s.assignee.name}.` : null
    case 'released':
      if (s.status !== 'in_progress') return 'Ärendet kan inte släppas i sitt nuvarande läge.'
      return mine || LEADS.includes(who.role) ? null : needsMine()
    case 'reassigned':
      if (!LEADS.includes(who.role)) return 'Bara teamledare kan fördela om ärenden.'
      return closed ? 'Ärendet är avslutat.' : null
    case 'checked':
      if (closed || s.status === 'decided') return 'Ärendet är avslutat.'
      return needsMine()
    case 'flagged':
    case 'unflagged':
      return closed ? 'Ärendet är avslutat.' : null
    case 'supplement_requested':
      if (s.status === 'waiting') return 'Det finns redan en obesvarad begäran om komplettering.'
      if (s.status !== 'in_progress') return 'Ärendet måste vara under handläggning.'
      return needsMine()
    case 'forwarded':
      if (s.status !== 'in_progress') return 'Ärendet måste vara under handläggning för att kunna vidarebefordras.'
      return needsMine()
    case 'decided':
      if (!opts.decisionAllowed) return 'Servicecenter får inte fatta beslut i den här e-tjänsten.'
      if (s.status !== 'in_progress') return 'Ärendet måste vara under handläggning för att beslut ska kunna fattas.'
      return needsMine()
    case 'closed':
      if (!['in_progress', 'waiting', 'forwarded', 'decided'].includes(s.status)) return 'Ärendet kan inte avslutas i sitt nuvarande läge.'
      return needsMine()
    case 'reopened':
      return closed || s.status === 'decided' ? null : 'Ärendet är inte avslutat.'
    case 'message':
      return event.data.direction === 'out' ? null : 'Meddelanden in kommer från medborgaren.'
    case 'letter_sent':
      // Whoever prints the team's post marks it sent, whoever holds the case and whatever its status now.
      return s.lettersToPost.includes(event.data.letterSeq) ? null : 'Brevet är redan markerat som skickat.'
  }
  return null
}
