import { documentLocale, SECRET, summarise, t, type Answers, type FormDefinition, type Locale } from '#forms/kit/index.ts'

// The text the citizen reads in the BankID app before signing (userVisibleData, simpleMarkdownV1): what the
// application is, who applies, the answers and the attachments' names. Client-safe, so the sign page can
// show the citizen the very same text before they open the app.

/** BankID allows 40,000 characters of base64 (about 30,000 bytes); stay well inside it. */
export const MAX_VISIBLE_CHARS = 12_000
/** One long free-text answer must not crowd out the others. */
const MAX_VALUE_CHARS = 300

/** simpleMarkdownV1 gives * + | \ meaning anywhere and # - at the start of a line: escape them in answers. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*+|]/g, (c) => `\\${c}`)
    .replace(/^([#-])/gm, '\\$1')
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s)

/** 198606129933 → 19860612-9933, as people write it. */
export const formatPersonnummer = (pnr: string) => (/^\d{12}$/.test(pnr) ? `${pnr.slice(0, 8)}-${pnr.slice(8)}` : pnr)

const TEXTS = {
  sv: {
    heading: (title: string) => `# ${title}`,
    intro: (org: string) => `Jag skriver under och skickar in min ansökan till ${org}. Uppgifterna nedan stämmer.`,
    applicant: 'Sökande',
    attachments: 'Bifogade filer',
    none: 'Inga',
    more: (n: number) => `… och ${n} uppgifter till, som finns i ansökan.`,
  },
  en: {
    heading: (title: string) => `# ${title}`,
    intro: (org: string) => `I sign and send my application to ${org}. The details below are correct.`,
    applicant: 'Applicant',
    attachments: 'Attached files',
    none: 'None',
    more: (n: number) => `… and ${n} more details, which are in the application.`,
  },
} as const

export function signingText(input: {
  def: FormDefinition
  answers: Answers
  person: { personnummer: string; name: string }
  organisation: string
  attachmentNames: string[]
  locale: Locale
}): string {
  const locale = documentLocale(input.locale)
  const x = TEXTS[locale]
  const head = [
    x.heading(escapeMarkdown(t(input.def.title, locale))),
    escapeMarkdown(x.intro(input.organisation)),
    '',
    `## ${x.applicant}`,
    escapeMarkdown(`${input.person.name}, ${formatPersonnummer(input.person.personnummer)}`),
  ]
  const tail = ['', `## ${x.attachments}`, ...(input.attachmentNames.length ? input.attachmentNames.map((n) => escapeMarkdown(`• ${n}`)) : [x.none])]

  const lines = [...head]
  let used = [...head, ...tail].join('\n').length
  // A door code is neither sent to BankID nor kept in the signed text: the content hash binds it (ADR 019).
  const rows = summarise(input.def, input.answers, locale, { redact: [SECRET] }).flatMap((s) => [{ heading: s.title }, ...s.rows.map((r) => ({ row: r }))])
  let left = rows.filter((r) => 'row' in r).length
  for (const item of rows) {
    const line = 'heading' in item ? `\n## ${escapeMarkdown(item.heading)}` : `*${escapeMarkdown(item.row.label)}:* ${escapeMarkdown(clip(oneLine(item.row.value), MAX_VALUE_CHARS))}`
    if (used + line.length + 1 > MAX_VISIBLE_CHARS - 100) {
      lines.push('', x.more(left))
      break
    }
    lines.push(line)
    used += line.length + 1
    if ('row' in item) left--
  }
  return [...lines, ...tail].join('\n')
}

export type PreviewLine = { kind: 'h1' | 'h2' | 'p'; text: string; label?: string }

/**
 * The signing text as the page shows it before the app does: headings, "label: value" lines, paragraphs,
 * with the markdown marks taken away again.
 */
export function previewLines(text: string): PreviewLine[] {
  const unescape = (s: string) => s.replace(/\\(.)/g, '$1')
  return text.split('\n').filter((l) => l.trim() !== '').map((line): PreviewLine => {
    if (line.startsWith('## ')) return { kind: 'h2', text: unescape(line.slice(3)) }
    if (line.startsWith('# ')) return { kind: 'h1', text: unescape(line.slice(2)) }
    const labelled = /^\*((?:\\.|[^*\\])*):\* (.*)$/.exec(line)
    if (labelled) return { kind: 'p', label: unescape(labelled[1]!), text: unescape(labelled[2]!) }
    return { kind: 'p', text: unescape(line) }
  })
}
