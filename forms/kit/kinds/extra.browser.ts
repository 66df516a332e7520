import type { Kind } from './kind.ts'
import { isExtraKind, type ExtraKindName } from './extra-names.ts'
import type { ExtraKinds } from './simple.ts'

/**
 * The kinds fetched on demand in the browser (ADR 053). A page names the kinds it asks (`data-field-kinds`),
 * and they are loaded before it hydrates or, after a navigation inside the app, before it renders; a kind
 * asked for before it is loaded is a bug, and `simpleKindOf` says so.
 */
const LOADERS: { [K in ExtraKindName]: () => Promise<ExtraKinds[K]> } = {
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
}

const loaded: Partial<Record<ExtraKindName, Kind>> = {}

export const extraKinds = (): Partial<ExtraKinds> => loaded as Partial<ExtraKinds>

/** Fetches the kinds not yet here; a failed fetch rejects, and the next call tries again. */
export async function loadExtraKinds(names: readonly string[]): Promise<void> {
  const wanted = [...new Set(names)].filter(isExtraKind).filter((n) => !loaded[n])
  await Promise.all(wanted.map(async (n) => {
    loaded[n] = (await LOADERS[n]()) as Kind
  }))
}
