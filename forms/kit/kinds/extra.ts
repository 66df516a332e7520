import type { ExtraKinds } from './simple.ts'
import { address } from './address.ts'
import { date } from './date.ts'
import { file } from './file.ts'
import { giro } from './giro.ts'
import { mappoint } from './mappoint.ts'
import { money } from './money.ts'
import { number } from './number.ts'
import { orgnr } from './orgnr.ts'
import { personnummer } from './personnummer.ts'
import { phone } from './phone.ts'

/**
 * The kinds a browser fetches on demand, here always present: the server, the tests and the scripts take this
 * module; the browser build takes `extra.browser.ts` (package.json `imports`, condition `browser`).
 */
const EXTRA: ExtraKinds = { phone, personnummer, orgnr, giro, file, mappoint, address, date, number, money }

export const extraKinds = (): Partial<ExtraKinds> => EXTRA

export const loadExtraKinds = (_names: readonly string[]): Promise<void> => Promise.resolve()
