import { summarise, t, type Answers, type FormDefinition } from '#forms/kit/index.ts'
import { formatPersonnummer } from '#forms/kit/kinds/personnummer.ts'
import { municipality, sender } from '#services/config/municipality.server.ts'
import type { ExtractPdfInput, ExtractPdfItem, ExtractPdfSection } from '#services/pdf/register-extract.server.ts'
import type { ExtractStaff, RegisterExtract } from '#services/extract/types.ts'
import { formatFileSize } from '#services/pdf/format.ts'
import { caseStatusLabel, channelLabel, formatDateTime, eventLabel } from '../staff/labels.ts'
import { ROLE_LABEL } from '../staff/staff-admin/account-forms.tsx'

/** What each audit action means to the person it is about. */
const ACCESS: Record<string, string> = {
  'case.view': 'Öppnade ärendet',
  'case.attachment': 'Öppnade en bifogad fil',
  'case.pdf': 'Öppnade ärendet som PDF',
  'search.personnummer': 'Sökte på personnumret',
  'register.extract': 'Tog fram ett registerutdrag',
  'register.extract.self': 'Du laddade ner dina uppgifter på Mina sidor',
}
const SESSION: Record<string, string> = { citizen: 'Inloggad med BankID', visitor: 'Besök utan inloggning' }
const ORDER: Record<string, string> = { login: 'Inloggning med BankID', sign: 'Underskrift med BankID' }
const ORDER_STATUS: Record<string, string> = { pending: 'pågår', complete: 'klar', failed: 'misslyckades', cancelled: 'avbruten', used: 'klar' }

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '–')
const named = <T extends { id: string; name: { sv: string } | string }>(list: T[], id: string | null) => {
  const found = list.find((x) => x.id === id)
  return found ? (typeof found.name === 'string' ? found.name : found.name.sv) : (id ?? '–')
}

/** "Anna Andersson (Handläggare)", or only the role in the citizen's own copy. */
export function staffLabel(s: ExtractStaff): string {
  const role = s.role ? (ROLE_LABEL[s.role] ?? s.role) : 'Personal'
  return s.name ? `${s.name} (${role})` : role
}

const answerRows = (def: FormDefinition | null, answers: Answers) =>
  def ? summarise(def, answers, 'sv').flatMap((s) => s.rows.map((r) => ({ label: r.label, value: r.value }))) : []

const files = (list: { name: string; size: number }[]) => list.map((f) => `${f.name} (${formatFileSize(f.size, 'sv')})`).join(', ') || 'Inga'

/** The extract as a Swedish document: one heading per kind of data, each item with its facts. */
export function extractDocument(x: RegisterExtract): ExtractPdfInput {
  const m = municipality()
  const team = (id: string | null) => named(m.teams, id)
  const department = (id: string | null) => named(m.departments, id)
  const location = (id: string | null) => named(m.locations, id)
  const own = !x.staffNames

  const cases: ExtractPdfItem[] = x.cases.map((c) => ({
    title: `${c.number} – ${t(c.definition.title, 'sv')}`,
    rows: [
      { label: 'Inkom', value: when(c.receivedAt) },
      { label: 'Kanal', value: channelLabel(c.channel) + (c.location ? `, ${location(c.location)}` : '') },
      { label: 'Status', value: c.status ? caseStatusLabel(c.status) : '–' },
      { label: 'Team', value: team(c.team) },
      { label: 'Förvaltning', value: c.department ? department(c.department) : '–' },
      { label: 'Handlagt av', value: c.handledBy.map(staffLabel).join(', ') || 'Ingen ännu' },
      ...(c.signature ? [{ label: 'Underskrivet med BankID', value: `${c.signature.name}, ${when(c.signature.signedAt)}` }] : []),
      { label: 'Bifogade filer', value: files(c.attachments) },
      ...answerRows(c.definition, c.answers),
    ],
    list: {
      heading: 'Händelser i ärendet',
      items: c.events.map((e) => {
        const by = typeof e.by === 'string' ? (e.by === 'citizen' ? 'du' : '') : staffLabel(e.by)
        const text = typeof e.data.text === 'string' ? `: ${e.data.text}` : ''
        return `${when(e.at)} ${eventLabel(e.type)}${by ? ` – ${by}` : ''}${text}`
      }),
    },
  }))

  const messages: ExtractPdfItem[] = x.cases.flatMap((c) =>
    c.events.filter((e) => e.type === 'message' || e.type === 'supplement_requested' || e.type === 'supplement_received').map((e) => {
      const from = e.type === 'supplement_received' || e.data.direction === 'in' ? 'Från dig' : 'Från servicecenter'
      const text = String(e.data.text ?? e.data.message ?? '')
      const attached = (e.data.attachments as { name: string }[] | undefined) ?? []
      return {
        title: `${c.number}, ${when(e.at)}`,
        rows: [
          { label: 'Vad', value: `${eventLabel(e.type)}, ${from.toLowerCase()}` },
          { label: 'Text', value: text },
          ...(attached.length ? [{ label: 'Bifogade filer', value: attached.map((a) => a.name).join(', ') }] : []),
        ],
      }
    }),
  )

  const drafts: ExtractPdfItem[] = x.drafts.map((d) => ({
    title: `Utkast: ${d.definition ? t(d.definition.title, 'sv') : d.formId}`,
    rows: [
      { label: 'Påbörjat', value: when(d.createdAt) },
      { label: 'Senast sparat', value: when(d.updatedAt) },
      { label: 'Sparas till', value: when(d.expiresAt) },
      { label: 'Bifogade filer', value: files(d.attachments) },
      ...answerRows(d.definition, d.answers),
    ],
  }))

  const logins: ExtractPdfItem[] = [
    ...x.sessions.map((s) => ({
      title: `${SESSION[s.kind] ?? s.kind}${s.libraryCard ? ' (lånekort)' : ''}`,
      rows: [
        { label: 'Började', value: when(s.createdAt) }, { label: 'Senast aktiv', value: when(s.lastSeenAt) },
        { label: 'Upphör', value: when(s.expiresAt) },
      ],
    })),
    ...x.bankidOrders.map((o) => ({
      title: ORDER[o.purpose] ?? o.purpose,
      rows: [
        { label: 'Startad', value: when(o.startedAt) }, { label: 'Status', value: ORDER_STATUS[o.status] ?? o.status },
        { label: 'Sätt', value: o.flow === 'qr' ? 'QR-kod' : 'BankID på samma enhet' },
      ],
    })),
  ]

  const kiosk: ExtractPdfItem[] = [
    ...x.kioskVisits.map((k) => ({
      title: `Ärende ${k.caseNumber} lämnat vid en kunddator`,
      rows: [
        { label: 'När', value: when(k.at) }, { label: 'Plats', value: location(k.location) },
        { label: 'Hjälp av personal', value: k.assistedBy ? staffLabel(k.assistedBy) : 'Nej' },
      ],
    })),
    ...x.sessions.filter((s) => s.libraryCard).map((s) => ({
      title: 'Inloggning med lånekort vid en kunddator',
      rows: [{ label: 'Började', value: when(s.createdAt) }, { label: 'Hjälp av personal', value: s.assisted ? 'Ja' : 'Nej' }],
    })),
  ]

  const sections: ExtractPdfSection[] = [
    { heading: 'Ärenden', empty: 'Inga ärenden.', items: cases },
    { heading: 'Meddelanden och kompletteringar', empty: 'Inga meddelanden.', items: messages },
    { heading: 'Utkast', intro: 'Påbörjade e-tjänster som inte har skickats in.', empty: 'Inga sparade utkast.', items: drafts },
    { heading: 'Inloggningar och BankID', intro: 'Pågående inloggningar och BankID-beställningar. Avslutade beställningar raderas efter ett dygn.', empty: 'Inga pågående inloggningar eller BankID-beställningar.', items: logins },
    {
      heading: 'Kunddatorer och lånekort',
      intro: 'Hjälpförfrågningar från kunddatorer sparas utan uppgift om vem som använde datorn och kan därför inte kopplas till dig.',
      empty: x.libraryCard ? 'Inget lämnat vid kunddator och inga inloggningar med lånekortet.' : 'Inga ärenden lämnade vid en kunddator.',
      items: kiosk,
    },
    {
      heading: 'Föreningsregistret',
      empty: 'Inga uppgifter i föreningsregistret.',
      items: x.associationHistory.map((h) => ({
        title: `${h.association} (${h.orgnr})`,
        rows: [
          { label: 'När', value: when(h.at) }, { label: 'Genom ärende', value: h.caseNumber },
          { label: 'Roll i föreningen', value: h.role ?? '–' }, { label: 'Ändrade uppgifter', value: h.fields.join(', ') || '–' },
        ],
      })),
    },
    {
      heading: 'E-post till dig',
      empty: 'Ingen e-post.',
      items: x.emails.map((e) => ({
        title: e.subject,
        rows: [
          { label: 'Till', value: e.to }, { label: 'Ärende', value: e.caseNumber ?? '–' },
          { label: 'Skapad', value: when(e.createdAt) }, { label: 'Skickad', value: e.failed ? 'Kunde inte skickas' : when(e.sentAt) },
        ],
      })),
    },
    {
      heading: 'Vem har öppnat uppgifterna',
      intro: own ? 'Personalens roll visas; namnen finns i det fullständiga registerutdraget som du kan begära hos kommunen.' : undefined,
      empty: 'Ingen har öppnat uppgifterna.',
      items: x.access.map((a) => ({
        title: `${when(a.at)} ${ACCESS[a.action] ?? a.action}`,
        rows: [
          { label: 'Vem', value: a.by ? staffLabel(a.by) : 'Du själv' },
          ...(a.caseNumber ? [{ label: 'Ärende', value: a.caseNumber }] : []),
        ],
      })),
    },
  ]

  return {
    municipality: sender(),
    title: own ? 'Dina uppgifter' : 'Registerutdrag',
    facts: [
      { label: 'Personnummer', value: formatPersonnummer(x.personnummer) },
      ...(x.libraryCard ? [{ label: 'Lånekort', value: x.libraryCard }] : []),
      { label: 'Framtaget', value: when(x.createdAt) },
    ],
    intro: [
      own
        ? `Här är det som ${m.name}s e-tjänster har sparat om dig: dina ärenden och utkast, meddelanden, inloggningar och vem som har öppnat dina uppgifter. Interna anteckningar och personalens namn finns i det fullständiga registerutdraget, som du kan begära hos kommunen (dataskyddsförordningen artikel 15).`
        : `Registerutdrag enligt dataskyddsförordningen artikel 15 ur ${m.name}s e-tjänster: allt som är kopplat till personnumret${x.libraryCard ? ' och lånekortet' : ''}. Bifogade filer listas med namn; filerna själva lämnas ut separat.`,
    ],
    sections,
    createdAt: new Date(x.createdAt),
    footerNote: `${own ? 'Dina uppgifter' : 'Registerutdrag'} ${formatPersonnummer(x.personnummer)}`,
  }
}
