/**
 * The e-mails citizens get about their case, in the language they filed in. Plain text only: it reads
 * in every mail client and screen reader, and carries no tracking. Never personal details beyond the
 * case number — the mail may be read on a shared device; the details are on Mina sidor.
 */
export type MailKind = 'received' | 'supplement_requested' | 'decided' | 'closed' | 'message' | 'duplicate' | 'primary_done'
export type Mail = { subject: string; text: string }

export type MailInput = {
  locale: 'sv' | 'en'
  municipality: { name: string; phone: string; email: string }
  caseNumber: string
  formTitle: string
  publicUrl: string
  /** Per kind: the supplement's message and due date, or a staff message. */
  message?: string
  dueDate?: string
  decision?: 'approved' | 'denied'
  /** The case a duplicate was closed in favour of (ADR 031). */
  primaryNumber?: string
}

const minaSidor = (url: string) => `${url.replace(/\/$/, '')}/mina-sidor`

const SV: Record<MailKind, (i: MailInput) => Mail> = {
  received: (i) => ({
    subject: `Vi har tagit emot ditt ärende ${i.caseNumber}`,
    text: `Hej!\n\n${i.municipality.name} har tagit emot ditt ärende ”${i.formTitle}” med ärendenummer ${i.caseNumber}.\n\nAnge ärendenumret om du kontaktar oss.`,
  }),
  supplement_requested: (i) => ({
    subject: `Vi behöver fler uppgifter i ärende ${i.caseNumber}`,
    text: `Hej!\n\nFör att kunna handlägga ditt ärende ${i.caseNumber} (”${i.formTitle}”) behöver vi fler uppgifter från dig senast ${i.dueDate}.\n\n${i.message ?? ''}\n\nSvara på Mina sidor: ${minaSidor(i.publicUrl)}`,
  }),
  decided: (i) => ({
    subject: `Beslut i ärende ${i.caseNumber}`,
    text: `Hej!\n\nDet finns ett beslut i ditt ärende ${i.caseNumber} (”${i.formTitle}”). Du kan läsa beslutet och hur du överklagar det på Mina sidor: ${minaSidor(i.publicUrl)}`,
  }),
  closed: (i) => ({
    subject: `Ditt ärende ${i.caseNumber} är avslutat`,
    text: `Hej!\n\nDitt ärende ${i.caseNumber} (”${i.formTitle}”) är nu avslutat.${i.message ? `\n\n${i.message}` : ''}`,
  }),
  message: (i) => ({
    subject: `Nytt meddelande i ärende ${i.caseNumber}`,
    text: `Hej!\n\nDu har fått ett meddelande i ditt ärende ${i.caseNumber} (”${i.formTitle}”):\n\n${i.message ?? ''}`,
  }),
  duplicate: (i) => ({
    subject: `Ditt ärende ${i.caseNumber} handläggs i ärende ${i.primaryNumber ?? ''}`,
    text: `Hej!\n\nSamma sak som i ditt ärende ${i.caseNumber} (”${i.formTitle}”) har redan anmälts till oss i ärende ${i.primaryNumber ?? ''}. Vi handlägger det där och har därför avslutat ditt ärende. Vi meddelar dig när ärende ${i.primaryNumber ?? ''} är klart.`,
  }),
  primary_done: (i) => ({
    subject: `Ärende ${i.primaryNumber ?? ''} är klart`,
    text: `Hej!\n\nÄrende ${i.primaryNumber ?? ''}, som ditt ärende ${i.caseNumber} (”${i.formTitle}”) handlades i, är nu klart.`,
  }),
}

const EN: Record<MailKind, (i: MailInput) => Mail> = {
  received: (i) => ({
    subject: `We have received your case ${i.caseNumber}`,
    text: `Hello,\n\n${i.municipality.name} has received your case “${i.formTitle}”, case number ${i.caseNumber}.\n\nPlease quote the case number if you contact us.`,
  }),
  supplement_requested: (i) => ({
    subject: `We need more information for case ${i.caseNumber}`,
    text: `Hello,\n\nTo handle your case ${i.caseNumber} (“${i.formTitle}”) we need more information from you by ${i.dueDate}.\n\n${i.message ?? ''}\n\nAnswer on My pages (Mina sidor): ${minaSidor(i.publicUrl)}`,
  }),
  decided: (i) => ({
    subject: `Decision in case ${i.caseNumber}`,
    text: `Hello,\n\nThere is a decision in your case ${i.caseNumber} (“${i.formTitle}”). You can read it, and how to appeal, on My pages (Mina sidor): ${minaSidor(i.publicUrl)}`,
  }),
  closed: (i) => ({
    subject: `Your case ${i.caseNumber} is closed`,
    text: `Hello,\n\nYour case ${i.caseNumber} (“${i.formTitle}”) is now closed.${i.message ? `\n\n${i.message}` : ''}`,
  }),
  message: (i) => ({
    subject: `New message in case ${i.caseNumber}`,
    text: `Hello,\n\nYou have a message about your case ${i.caseNumber} (“${i.formTitle}”):\n\n${i.message ?? ''}`,
  }),
  duplicate: (i) => ({
    subject: `Your case ${i.caseNumber} is handled in case ${i.primaryNumber ?? ''}`,
    text: `Hello,\n\nThe same matter as your case ${i.caseNumber} (“${i.formTitle}”) has already been reported to us in case ${i.primaryNumber ?? ''}. We handle it there and have therefore closed your case. We will tell you when case ${i.primaryNumber ?? ''} is done.`,
  }),
  primary_done: (i) => ({
    subject: `Case ${i.primaryNumber ?? ''} is done`,
    text: `Hello,\n\nCase ${i.primaryNumber ?? ''}, in which your case ${i.caseNumber} (“${i.formTitle}”) was handled, is now done.`,
  }),
}

const footer = ({ locale, municipality: m }: Pick<MailInput, 'locale' | 'municipality'>) => locale === 'en'
  ? `\n\n${m.name}\nPhone ${m.phone} · ${m.email}\nThis message cannot be replied to.`
  : `\n\n${m.name}\nTelefon ${m.phone} · ${m.email}\nDet går inte att svara på det här meddelandet.`

export function renderMail(kind: MailKind, input: MailInput): Mail {
  const mail = (input.locale === 'en' ? EN : SV)[kind](input)
  return { subject: mail.subject, text: mail.text + footer(input) }
}

/** Issue 4: a draft not saved for 23 days is deleted at `expiresOn` unless the citizen carries on at `link`. */
export type DraftReminderInput = Pick<MailInput, 'locale' | 'municipality' | 'formTitle'> & { expiresOn: string; link: string }

export function renderDraftReminder(i: DraftReminderInput): Mail {
  const mail = i.locale === 'en'
    ? {
        subject: `Your draft “${i.formTitle}” will be deleted on ${i.expiresOn}`,
        text: `Hello,\n\nYou have started “${i.formTitle}” but not sent it. Your draft is kept until ${i.expiresOn} and then deleted.\n\nContinue where you left off: ${i.link}`,
      }
    : {
        subject: `Ditt utkast ”${i.formTitle}” tas bort ${i.expiresOn}`,
        text: `Hej!\n\nDu har påbörjat ”${i.formTitle}” men inte skickat in det. Utkastet sparas till ${i.expiresOn} och tas sedan bort.\n\nFortsätt där du slutade: ${i.link}`,
      }
  return { subject: mail.subject, text: mail.text + footer(i) }
}
