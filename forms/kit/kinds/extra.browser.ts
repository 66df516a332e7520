import { onDemand } from '../on-demand.ts'
import type { ExtraKinds } from './simple.ts'

/**
 * The kinds fetched on demand in the browser (ADR 053). A page names the kinds it asks (`data-field-kinds`),
 * and they are loaded before it hydrates or, after a navigation inside the app, before it renders; a kind
 * asked for before it is loaded is a bug, and `simpleKindOf` says so.
 */
const kinds = onDemand<ExtraKinds>({
  phone: () => import('./phone.ts').then((m) => m.phone),
  personnummer: () => import('./personnummer.ts').then((m) => m.personnummer),
  orgnr: () => import('./orgnr.ts').then((m) => m.orgnr),
  giro: () => import('./giro.ts').then((m) => m.giro),
  file: () => import('./file.ts').then((m) => m.file),
  mappoint: () => import('./mappoint.ts').then((m) => m.mappoint),
  address: () => import('./address.ts').then((m) => m.address),
  date: () => import('./date.ts').then((m) => m.date),
  number: () => import('./number.ts').then((m) => m.number),
  money: () => import('./money.ts').then((m) => m.money),
})

export const extraKinds = kinds.loaded

/** Fetches the kinds not yet here; a failed fetch rejects, and the next call tries again. */
export const loadExtraKinds = kinds.load
