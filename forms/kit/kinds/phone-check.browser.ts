import { onDemand } from '../on-demand.ts'
import type { phoneCheck as ServerCheck } from './phone-check.ts'

type Numbers = NonNullable<ReturnType<typeof ServerCheck>>

/**
 * The browser's telephone check (ADR 055): libphonenumber's code with the Nordic numbering plans (ADR 054) is
 * 10 kB, fetched when a number is typed rather than with the page, since many pages ask for a number few give.
 */
const check = onDemand<{ numbers: Numbers }>({
  numbers: () => import('./phone-numbers.ts').then(({ toE164, formatPhone }) => ({ toE164, formatPhone })),
})

/** The check, once fetched; before that, nothing: the number is then left to the server. */
export const phoneCheck = (): Numbers | undefined => check.loaded().numbers

/** Fetches the check if it is not here yet; a failed fetch rejects, and the next call tries again. */
export const phoneCheckReady = (): Promise<void> => check.load(['numbers'])
