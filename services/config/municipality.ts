import { z } from 'zod'

const text = z.object({ sv: z.string(), en: z.string() })

/**
 * How long a closed case is kept (issue 10; arkivlagen, GDPR art. 5.1 e): `years` after closing, then deleted or
 * anonymised (statistics kept, the person removed). `decision` names the records-plan decision the rule rests on
 * (dokumenthanteringsplan reference); `archiveFirst` holds a case until an archive package of it has been exported.
 */
export const RetentionRuleSchema = z.object({
  years: z.number().int().min(0),
  action: z.enum(['delete', 'anonymise']),
  archiveFirst: z.boolean().default(false),
  decision: z.string().min(1),
})
export type RetentionRule = z.infer<typeof RetentionRuleSchema>

const degrees = (max: number) => z.number().min(-max).max(max)

export const MapSchema = z.object({
  tiles: z.object({
    url: z.string().regex(/^https?:\/\/[^/{}]+\/.*\{z\}.*\{x\}.*\{y\}/, 'an http(s) URL template with {z}, {x} and {y}'),
    /** Shown on the map, as the tiles' licence asks (OpenStreetMap: "© OpenStreetMap contributors"). Plain text. */
    attribution: z.string().min(1),
    /** Where the attribution links to (the licence or copyright page). */
    attributionUrl: z.url({ protocol: /^https?$/ }).optional(),
    maxZoom: z.number().int().min(1).max(22),
    /** Sub-domains for {s}, if the template has it. */
    subdomains: z.array(z.string().min(1)).optional(),
  }),
  center: z.object({ lat: degrees(90), lon: degrees(180) }),
  zoom: z.number().int().min(0).max(22),
})
export type MapConfig = z.infer<typeof MapSchema>

export const MunicipalitySchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  logoText: z.string(),
  orgNumber: z.string(),
  timeZone: z.string(),
  contact: z.object({ phone: z.string(), afterHoursPhone: z.string(), email: z.string(), address: z.string() }),
  bounds: z.object({ minLat: z.number(), maxLat: z.number(), minLon: z.number(), maxLon: z.number() }),
  /**
   * The map felanmälan's place page shows with JavaScript (ADR 036): the tile server the municipality has chosen
   * (an XYZ URL template with {z}, {x}, {y} and optionally {s}), its attribution, its highest zoom, and where
   * the map starts. Without this section there is no map, and no visitor's browser contacts any tile server.
   */
  map: MapSchema.optional(),
  departments: z.array(z.object({ id: z.string(), name: text })),
  teams: z.array(z.object({ id: z.string(), name: text })),
  locations: z.array(z.object({ id: z.string(), kind: z.enum(['servicecenter', 'library']), name: z.string(), address: z.string() })),
  /**
   * Values the form definitions name but must not hard-code (minimum ages, deadlines, postcode prefixes):
   * the keys each definition reads are `requiredSettings(def)`; the start-up check names any that are missing.
   */
  settings: z.record(z.string(), z.unknown()).default({}),
  /**
   * One rule per e-service id, and per outcome where the plan says otherwise: a decision (`approved`, `denied`)
   * or a closing outcome (`answered`, `handled`, ...). The start-up check names an e-service without a rule.
   */
  retention: z.record(z.string(), RetentionRuleSchema.extend({ outcomes: z.record(z.string(), RetentionRuleSchema).optional() })).default({}),
  /**
   * Contacts that are not e-service applications (a call, a visit, an e-mail, a letter; ADR 032): the team they
   * belong to, the days within which an open one should be handled, and the reasons staff pick from. A profile
   * without the section gets one reason, "Övrigt", so registering still works; the start-up check wants the team
   * in `teams` and a retention rule for `kontakt` like for every e-service.
   */
  contacts: z.object({
    team: z.string(),
    handlingDays: z.number().int().min(1).default(5),
    reasons: z.array(z.object({ id: z.string().min(1), name: text })).min(1),
  }).default({ team: 'servicecenter', handlingDays: 5, reasons: [{ id: 'ovrigt', name: { sv: 'Övrigt', en: 'Other' } }] }),
})

export type Municipality = z.infer<typeof MunicipalitySchema>
