/**
 * The vocabulary of a form definition. Everything here is plain JSON so that a definition can be
 * snapshotted into a case at receipt and rendered again years later exactly as it was filled in.
 */
export type Locale = 'sv' | 'en'
export const LOCALES: readonly Locale[] = ['sv', 'en']

/** A text in every citizen-facing language. */
export type Text = { sv: string; en: string }

/** When a field (or page) applies, judged on the answers given so far. */
export type Condition =
  | { field: string; equals: string | boolean }
  | { field: string; in: string[] }
  | { field: string; notEmpty: true }

export type Option = { value: string; label: Text; hint?: Text }

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
}

export type TextField = FieldBase & { kind: 'text'; minLength?: number; maxLength?: number }
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
/** A WGS84 point; `withinMunicipality` checks it against the configured bounding box. */
export type MapPointField = FieldBase & { kind: 'mappoint'; withinMunicipality?: boolean }
export type FileField = FieldBase & {
  kind: 'file'
  accept: string[]
  maxSizeMb: number
  maxFiles: number
  minFiles?: number
  /** Id of a checkbox on the same page; unless it is ticked, photo metadata (location) is removed. */
  keepMetadataField?: string
}

export type FieldDef =
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
  | FileField

export type FieldKind = FieldDef['kind']

/** A rule across fields of one page. */
export type PageRule = {
  kind: 'atLeastOne'
  fields: string[]
  when?: Condition
  /** The field the message is shown at. */
  target: string
  message: Text
}

/** A boxed notice on a page. `{phone}` and `{afterHoursPhone}` are filled in from the municipality profile. */
export type Notice = { title: Text; body: Text; tone?: 'warning' | 'info' }

export type PageDef = {
  id: string
  title: Text
  intro?: Text
  notice?: Notice
  fields: FieldDef[]
  rules?: PageRule[]
  visibleWhen?: Condition
}

export type FormDefinition = {
  id: string
  version: number
  title: Text
  description: Text
  /** Prefix of the human case number, e.g. FEL in FEL-2026-000123. */
  caseNumberPrefix: string
  /** Identification the e-service requires; 'none' lets anyone file. */
  identification: 'none' | 'bankid'
  sign: boolean
  pages: PageDef[]
  routing: { team: string; department?: string }
}

/** What validation needs to know beyond the answers. */
export type ValidationContext = {
  locale: Locale
  /** ISO date (YYYY-MM-DD) of today in the municipality's time zone. */
  today: string
  bounds?: { minLat: number; maxLat: number; minLon: number; maxLon: number }
}

/** A stored attachment as a file field's answer refers to it. */
export type FileRef = { id: string; name: string; mime: string; size: number }

export type Answers = Record<string, unknown>
