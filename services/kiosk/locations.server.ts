import { municipality } from '../config/municipality.server.ts'

export type Location = ReturnType<typeof municipality>['locations'][number]

/** The servicecenter and the branch libraries, as the municipality profile lists them. */
export const locations = (): readonly Location[] => municipality().locations

export const findLocation = (id: string | null | undefined): Location | undefined =>
  id ? locations().find((l) => l.id === id) : undefined

export const locationName = (id: string | null | undefined): string => findLocation(id)?.name ?? id ?? ''

/** Where servicecenter staff without a location of their own work: the profile's servicecenter. */
export const servicecenterLocationId = (): string | undefined => locations().find((l) => l.kind === 'servicecenter')?.id
