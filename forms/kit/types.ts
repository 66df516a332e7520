/**
 * The vocabulary of a form definition. Everything here is plain JSON so that a definition can be
 * snapshotted into a case at receipt and rendered again years later exactly as it was filled in.
 */
export type Locale = 'sv' | 'en' | 'fi' | 'ar'
export const LOCALES: readonly Locale[] = ['sv', 'en', 'fi', 'ar']

/**
 * A citizen-facing text: Swedish (the reference) and English always; Finnish and Arabic where translated, which
 * for an e-service's own texts come from its per-language files (forms/<service>/<code>.json, ADR 050).
 */
export type Text = { sv: string; en: string } & Partial<Record<Exclude<Locale, 'sv' | 'en'>, string>>

/** When a field (or page) applies, judged on the answers given so far. */
export type Condition =
  | { field: string; equals: string | boolean }
  | { field: string; in: string[] }
  | { field: string; notEmpty: true }
  /** A multichoice answer that includes the value. */
  | { field: string; includes: string }

/**
 * A text in another language than the page's (a language's own name, "العربية"): rendered with `lang` and,
 * for right-to-left scripts, `dir`, so screen readers pronounce it and the browser lays it out right (WCAG 3.1.2).
 */
export type Foreign = { text: string; lang: string; dir?: 'rtl' }

/** `native` follows the label in brackets ("Arabiska (العربية)"); `lang` says the whole label is in another language. */
export type Option = { value: string; label: Text; hint?: Text; native?: Foreign; lang?: string }

type FieldBase = {
  id: string
  label: Text
  hint?: Text
  /** Required unless said otherwise: GOV.UK's advice is to ask only what is needed. */
  optional?: boolean
  visibleWhen?: Condition
  /** Rule-specific messages; keys are the rule names each kind documents. */
  errors?: Partial<Record<string, Text>>
  autocomplete?: string
  /** Filled from the logged-in person (BankID) while empty and, if given, while `when` holds; see `prefillAnswers`. */
  prefill?: { from: IdentityKey; when?: Condition }
  /**
   * Answers that need more protection than the rest of the case: `code` (door codes: encrypted at rest, see secret.ts; shown by role),
   * `health` (GDPR art. 9 data, OSL 26:1: only to roles that need it). `summarise` can redact them.
   */
  sensitive?: Sensitivity
}

export type Sensitivity = 'code' | 'health'

/** `pattern` is a regular expression the whole trimmed answer must match (rule `pattern`). */
export type TextField = FieldBase & {
  kind: 'text'; minLength?: number; maxLength?: number; pattern?: string; inputMode?: 'numeric' | 'text'
}
export type TextareaField = FieldBase & { kind: 'textarea'; minLength?: number; maxLength?: number; rows?: number }
export type ChoiceField = FieldBase & { kind: 'choice'; options: Option[] }
export type MultiChoiceField = FieldBase & { kind: 'multichoice'; options: Option[]; max?: number }
export type CheckboxField = FieldBase & { kind: 'checkbox' }
export type EmailField = FieldBase & { kind: 'email' }
export type PhoneField = FieldBase & { kind: 'phone' }
/** Bounds are whole days relative to the day of answering. */
export type DateField = FieldBase & { kind: 'date'; minDaysFromToday?: number; maxDaysFromToday?: number }
export type NumberField = FieldBase & { kind: 'number'; min?: number; max?: number; integer?: boolean; unit?: Text }
export type AddressField = FieldBase & { kind: 'address' }
/** Stored as 12 digits (YYYYMMDDNNNC); samordningsnummer (day + 60) only where the field allows them. */
export type PersonnummerField = FieldBase & { kind: 'personnummer'; allowSamordningsnummer?: boolean }
/** Stored as NNNNNN-NNNC. `entityTypes` limits the first digit (docs/domain.md §6.3), e.g. ['7', '8'] for associations. */
export type OrgnrField = FieldBase & { kind: 'orgnr'; entityTypes?: string[] }
/** Bankgiro or plusgiro, chosen by the citizen: stored as `{ type, number }` with digits only. */
export type GiroField = FieldBase & { kind: 'giro'; types?: GiroType[] }
export type GiroType = 'bankgiro' | 'plusgiro'
/** An amount in kronor (at most two decimals), stored as a number. */
export type MoneyField = FieldBase & { kind: 'money'; min?: number; max?: number }
/**
 * A WGS84 point; `withinMunicipality` checks it against the configured bounding box. `input: 'coordinates'`
 * (the default) shows latitude and longitude inputs; `input: 'map'` shows a map to tap instead, which needs
 * JavaScript and the profile's `map` section, so such a field must be optional and the page must offer another
 * way to answer (felanmälan: an address or a description of the place, ADR 036).
 */
export type MapPointField = FieldBase & { kind: 'mappoint'; withinMunicipality?: boolean; input?: 'coordinates' | 'map' }
export type FileField = FieldBase & {
  kind: 'file'
  accept: string[]
  maxSizeMb: number
  maxFiles: number
  minFiles?: number
  /** Id of a checkbox on the same page; unless it is ticked, photo metadata (location) is removed. */
  keepMetadataField?: string
  /** What the attachment is for, shown with it on the receipt and to staff ("proves the impairment"). */
  purpose?: Text
  /**
   * Id of a checkbox on the same page meaning "I will hand this in later": while it is ticked a required
   * slot may be left empty (a photo for a parking permit is needed before the card is printed, not before).
   */
  laterField?: string
}

/** A group item's questions: any kind but files and groups, without conditions of their own. */
export type ItemField =
  | TextField
  | TextareaField
  | ChoiceField
  | MultiChoiceField
  | CheckboxField
  | EmailField
  | PhoneField
  | DateField
  | NumberField
  | AddressField
  | MapPointField
  | PersonnummerField
  | OrgnrField
  | GiroField
  | MoneyField

/**
 * A repeating group: `min`–`max` items of the same questions, with input names `<id>.<n>.<field>`. Blank
 * items are ignored, so spare rows cost nothing. `tally` shows one number sub-field per item capped at
 * `cap` (föreningsbidrag counts at most 30 participants a session), and their sum when `totalLabel` is set.
 */
export type GroupField = FieldBase & {
  kind: 'group'
  fields: ItemField[]
  min?: number
  max: number
  /** The heading of each item; `{n}` is its number. */
  itemLabel: Text
  /** The add-another button, shown when there are more items possible than rows rendered. */
  addLabel?: Text
  tally?: { field: string; cap?: number; label: Text; totalLabel?: Text }
}

export type FieldDef = ItemField | FileField | GroupField

export type FieldKind = FieldDef['kind']

/**
 * A rule across fields of one page; `message` is shown at `target`.
 * - atLeastOne: one of `fields` is answered.
 * - sumAtMost: the answered numbers in `fields` add up to no more than the number in `max`
 *   (`{max}` in the message is that number); one rule per sub-count for "each part ≤ total".
 * - matchesIdentity: the personnummer in `field` is (`same`) or is not (`different`) the logged-in
 *   person's; skipped when no one is logged in, since login itself is enforced by the route.
 */
export type PageRule = { when?: Condition; target: string; message: Text } & (
  | { kind: 'atLeastOne'; fields: string[] }
  | { kind: 'sumAtMost'; fields: string[]; max: string }
  | { kind: 'matchesIdentity'; field: string; expect: 'same' | 'different' }
)

/**
 * A boxed notice on a page. `{phone}` and `{afterHoursPhone}` are filled in from the municipality profile.
 * `link` points somewhere else that handles the matter (nyinflyttad: Skatteverket's moving notification).
 */
export type Notice = { title: Text; body: Text; tone?: 'warning' | 'info'; link?: { href: string; text: Text } }

export type PageDef = {
  id: string
  title: Text
  intro?: Text
  notice?: Notice
  fields: FieldDef[]
  rules?: PageRule[]
  visibleWhen?: Condition
}

/**
 * How the matter is decided. The decision letter reads from it: `matter` completes "Din ansökan om … beviljas",
 * `legalGround` names the rules the decision rests on (förvaltningslagen 32 §) and `appealRoute` says how the
 * decision is challenged, or why it cannot be appealed (33 §).
 */
export type DecisionDef = {
  byServicecenter: boolean
  appealable: boolean
  /** Every application that ends in a decision has these three (forms/letters.test.ts); the letter omits what is missing. */
  matter?: Text
  legalGround?: Text
  appealRoute?: Text
  /**
   * The decision's sentence when the citizen did not apply for something ("Din beställning av {matter} godkänns."
   * for a request that is ordered, not applied for); `{matter}` is the matter. Absent → "Din ansökan om … beviljas".
   */
  outcome?: { approved: Text; denied: Text }
}

export type FormDefinition = {
  id: string
  version: number
  /**
   * The languages the e-service's own texts are in: Swedish and English when left out; Finnish and Arabic join
   * from the e-service's files (`forms/<service>/<code>.json`) through `withTranslations` (ADR 050).
   */
  languages?: readonly Locale[]
  title: Text
  description: Text
  /** Prefix of the human case number, e.g. FEL in FEL-2026-000123. */
  caseNumberPrefix: string
  /** Identification the e-service requires; 'none' lets anyone file. */
  identification: 'none' | 'bankid'
  sign: boolean
  pages: PageDef[]
  routing: { team: string; department?: string }
  /**
   * Whether the servicecenter may decide the matter itself (a routine matter, ROSA 4, under delegation)
   * and whether such a decision can be appealed; the decision letter's appeal section follows this.
   */
  decision?: DecisionDef
  /**
   * The roles the answers play: who the applicant is, how they are reached, where a letter goes, which
   * association applies. Read only through `answerRoles`/`roleAnswers` (forms/kit/roles.ts, ADR 040).
   */
  roles?: AnswerRoles
  /**
   * Before `roles` (ADR 040): the address and recipient-name fields of a letter. Only read from the snapshots of
   * cases received then; a live definition declares `roles.address` and the applicant or association instead.
   */
  postal?: { address: string; name: string }
  /** Items staff check by hand before a case counts as complete (e.g. "the place is the municipality's"). */
  checks?: { id: string; label: Text }[]
  /** Days within which a received case should be handled; the queue's deadline and "late" flag use it. */
  handlingDays: number
  /**
   * What happens next, as the receipt page and PDF tell the citizen: who looks at the case, what they do, and
   * when to expect an answer. Plain words for this e-service; `{days}` is `handlingDays`, so the time the
   * citizen is told is the deadline the queue works to (both languages must name it).
   */
  afterReceipt: Text
  /** Eligibility findings that never reject: see `evaluateFlags`. */
  flags?: FlagDef[]
  /** Sub-cases a received case fans out to (one per entry whose condition holds): see `fanOut`. */
  fanOut?: FanOutDef[]
  /**
   * A register that receiving a case of this e-service updates, in the receiving transaction: `associations`,
   * the association register (services/associations/register.server.ts reads the entry from the answers).
   */
  register?: 'associations'
  /** The queue's one-line summary of a case: see `QueueSummaryDef` and `caseSummary`. */
  summary?: QueueSummaryDef
}

/** A role's field, or its choices in order: the first whose condition holds (föreningsbidrag: the signer's own e-mail). */
export type RoleRef = string | { field: string; when?: Condition }[]

/**
 * What the answers are, beyond their questions (ADR 040); each names a top-level field of the role's kind:
 * - applicantName, applicantPnr: the person the matter is about (not an ombud who filed it), text and personnummer;
 * - email, phone: how the citizen who filed is reached (receipt and case mail go to `email`);
 * - address: the postal address a letter goes to; left out where the form's address is a place (felanmälan);
 * - associationName, associationOrgnr: the association that applies (the register, a letter's recipient);
 * - signerRole: the signer's role in that association, a choice (the register records it beside the signer's name).
 * The queue's one line is `summary`, declared on its own.
 */
export type AnswerRoles = Partial<Record<
  'applicantName' | 'applicantPnr' | 'email' | 'phone' | 'address' | 'associationName' | 'associationOrgnr' | 'signerRole', RoleRef>>

/**
 * What the servicecenter's queue shows of a case on its one line, so staff can tell cases apart without
 * opening them: the answers to `fields`, in that order, leaving out blank ones and ones that did not apply
 * (category and place for a fault report, the applicant for an application). Everyone who works cases sees
 * the queue, not only those who may see sensitive answers: `defineForm` refuses sensitive fields and kinds
 * that identify a person or hold long text or files (personnummer, phone, e-mail, textarea, file, group).
 */
export type QueueSummaryDef = { fields: string[] }

/**
 * A condition for flags, judged on the stored answers and the context. Besides the answer conditions:
 * - ageBelow: the person in personnummer `field` is younger, on `ctx.today`, than the number in setting `setting`;
 * - belowSetting: the number in `field` is below the number in setting `setting`;
 * - postcodeOutside: the postcode of address (or text) `field` starts with none of the prefixes in setting `setting`;
 * - pastDeadline: today is after the deadline in setting `setting` (see `Deadline`) for the date in `dateField`
 *   (a date field, or `<group>.<date field>` for the earliest item), or for today without one.
 * A missing setting or answer makes the result unknown, which staff then see as "needs a human look".
 */
export type FlagCondition =
  | Condition
  | { all: FlagCondition[] }
  | { any: FlagCondition[] }
  | { not: FlagCondition }
  | { ageBelow: { field: string; setting: string } }
  | { belowSetting: { field: string; setting: string } }
  | { postcodeOutside: { field: string; setting: string } }
  | { pastDeadline: { setting: string; dateField?: string } }

/**
 * A deadline setting: one ISO date, or yearly rounds. A round covers dates from `from` to `to` (MM-DD, within
 * one year) and is due on `due` (MM-DD) of the same year, or of the next with `dueNextYear`
 * (LOK: spring sessions due 25 August, autumn sessions due 25 February).
 */
export type Deadline = string | { from: string; to: string; due: string; dueNextYear?: boolean }[]

/**
 * An eligibility finding. It never stops a submission: the case is received, flagged with `reason` for the
 * servicecenter, routed to `routeTo` (a team id) if given, and the citizen is told `citizen`. `{name}` in the
 * texts is filled from the settings and from computed values (`{age}`).
 *
 * Staff read the finding in the case's checklist as one sentence that is true for what was found: `reason`
 * when the condition held, `clear` when it did not ("Sökanden är 69 år …"), and `unknown` when a setting or an
 * answer it needs was missing (required for conditions that can be unknown: age, numbers against a setting,
 * postcodes, deadlines). A value named in `clear` must be computed whatever the outcome (`{age}` is;
 * `{deadline}` is not when an `all` stops early).
 */
export type FlagDef = { id: string; when: FlagCondition; reason: Text; clear: Text; unknown?: Text; citizen?: Text; routeTo?: string }

/**
 * One sub-case: created when `when` holds, routed to its own team and department. `pages` names the pages
 * whose answers the sub-case carries (data minimisation: each team sees what it needs); all when left out.
 * `matter` is what the sub-case's decision letter says was asked for, in place of the definition's `decision.matter`.
 */
export type FanOutDef = { id: string; when: Condition; team: string; department?: string; title: Text; pages?: string[]; matter?: Text }

/** The logged-in person as BankID's completionData.user gives them. */
export type Identity = { personalNumber: string; name: string; givenName?: string; surname?: string }
export type IdentityKey = keyof Identity

/** What validation needs to know beyond the answers. */
export type ValidationContext = {
  locale: Locale
  /** ISO date (YYYY-MM-DD) of today in the municipality's time zone. */
  today: string
  bounds?: { minLat: number; maxLat: number; minLon: number; maxLon: number }
  /** The logged-in person, for e-services with identification 'bankid' (rule `matchesIdentity`). */
  identity?: Identity
  /**
   * The municipality's own values that definitions name but must not hard-code: minimum ages, deadlines,
   * postcode prefixes (`requiredSettings` lists the keys a definition uses).
   */
  settings?: Record<string, unknown>
}

/** A stored attachment as a file field's answer refers to it. */
export type FileRef = { id: string; name: string; mime: string; size: number }

export type Answers = Record<string, unknown>
