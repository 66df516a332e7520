import type { Page } from '@playwright/test'
import { SIMULATOR_COOKIE } from '#services/bankid/simulator-cookie.ts'
import { expect } from './fixtures.ts'

/** Test persons of the BankID simulator (services/bankid/simulator/persons.ts). */
export const JOHAN = { pnr: '198606129933', name: 'Johan Testsson' }
export const MARGARETA = { pnr: '195603149989', name: 'Margareta Testsson' }
export const TOLVAN = { pnr: '191212121212', name: 'Tolvan Tolvansson' }
export const SIGNE = { pnr: '194203179983', name: 'Signe Provsson' }
export const SIXTEN = { pnr: '194107219976', name: 'Sixten Provsson' }
export const STINA = { pnr: '194405289978', name: 'Stina Provsson' }

type Axe = (p?: Page) => Promise<void>

/**
 * Says whose BankID this browser's "phone" holds, on the simulator's control page: every order started
 * from this browser is then approved as that person ('manual': only by the control page). Without this
 * the e2e server's BANKID_SIMULATOR_AUTO_APPROVE person (Johan) approves.
 */
export async function useBankIdOf(page: Page, axe: Axe, who: typeof JOHAN | 'manual') {
  await page.goto('/bankid-simulator')
  await expect(page.getByRole('heading', { level: 1, name: 'BankID-simulator' })).toBeVisible()
  await axe(page)
  await page.getByLabel(who === 'manual' ? /^Manuellt/ : new RegExp(`^${who.name} \\(${who.pnr}`)).check()
  await page.getByRole('button', { name: 'Spara val' }).click()
  // The radio is checked before the post is answered: wait for the choice itself, the cookie the answer
  // sets, or the next BankID order may start before it and be approved as the default person.
  const choice = who === 'manual' ? 'manual' : who.pnr
  await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === SIMULATOR_COOKIE)?.value).toBe(choice)
  await expect(page.getByLabel(who === 'manual' ? /^Manuellt/ : new RegExp(`^${who.name}`))).toBeChecked()
}

/**
 * Starts Mobilt BankID from a login or signing page and sees the QR code. No axe check follows here: the
 * simulator approves on its own after three collects, and a check that takes seconds on a busy machine would
 * race the page moving on. That page was checked before the click; the QR code itself is checked in
 * bankid-login.test.ts, where the order waits for the control page.
 */
export async function startQrOrder(page: Page) {
  await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click()
  await expect(page.getByRole('img', { name: 'QR-kod för BankID' })).toBeVisible()
}

/** Logs in from /logga-in with Mobilt BankID (QR); the simulator approves. Ends on `expectPath`. */
export async function logIn(page: Page, axe: Axe, opts: { till?: string; expectPath?: string } = {}) {
  await page.goto(opts.till ? `/logga-in?till=${encodeURIComponent(opts.till)}` : '/logga-in')
  await axe(page)
  await startQrOrder(page)
  await page.waitForURL((u) => u.pathname === (opts.expectPath ?? opts.till ?? '/mina-sidor'), { timeout: 20_000 })
}

/** The pending simulator order this browser started, on the control page opened in `control`. */
export async function myOrder(control: Page, axe: Axe) {
  await control.goto('/bankid-simulator')
  const mine = control.locator('li.case-card--mine')
  await expect(mine).toHaveCount(1)
  await axe(control)
  return mine
}
