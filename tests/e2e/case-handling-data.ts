/** Accounts the case-handling seed creates (tests/e2e/seed-case-handling.ts); shared by the tests. */
export const E2E_PASSWORD = 'e2e-lösenord-som-är-långt'
const ALL_TEAMS = ['teknik', 'social', 'forening', 'trafik']

export const E2E_STAFF = {
  lead: { email: 'teamledare@e2e.invalid', name: 'Tea Ledare', role: 'teamledare', teams: ALL_TEAMS, department: null },
  anna: { email: 'anna@e2e.invalid', name: 'Anna Handläggare', role: 'handlaggare', teams: ['teknik', 'forening'], department: null },
  bo: { email: 'bo@e2e.invalid', name: 'Bo Handläggare', role: 'handlaggare', teams: ['teknik', 'forening'], department: null },
  nextA: { email: 'nasta-a@e2e.invalid', name: 'Nils Nästa', role: 'handlaggare', teams: ['trafik'], department: null },
  nextB: { email: 'nasta-b@e2e.invalid', name: 'Nora Nästa', role: 'handlaggare', teams: ['trafik'], department: null },
  sbf: { email: 'sbf@e2e.invalid', name: 'Sam Byggare', role: 'forvaltning', teams: [], department: 'samhallsbyggnad' },
  soc: { email: 'soc@e2e.invalid', name: 'Sol Social', role: 'forvaltning', teams: [], department: 'socialforvaltningen' },
  dpo: { email: 'dataskydd@e2e.invalid', name: 'Dora Dataskydd', role: 'dataskydd', teams: [], department: null },
} as const
export type E2EStaffKey = keyof typeof E2E_STAFF

/**
 * The seeded routine application the decision test decides; its applicant is the BankID simulator's Johan
 * Testsson, so the test can read the decision on his Mina sidor.
 */
/** Routine applications without e-mail but with a postal address (team forening): the letters test posts to them. */
export const BY_POST = {
  supplement: { name: 'Lisa Brevsson', address: { street: 'Postvägen 3', postcode: '135 40', city: 'Tyresö' } },
  decision: { name: 'Per Postsson', address: { street: 'Kuvertgatan 7', postcode: '135 41', city: 'Tyresö' } },
} as const

export const DECIDABLE = { name: 'Johan Testsson', personnummer: '198606129933', words: 'braskamin villan' }
