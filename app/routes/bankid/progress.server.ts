import { isCitizen, loginCitizen } from '#services/auth/citizen.server.ts'
import { safeRedirect } from '#services/auth/return-path.ts'
import { getSession, type Session } from '#services/auth/session.server.ts'
import {
  browserHash, collectOrder, findOrder, refuseCompleted, takeCompleted, type Binding, type OrderPurpose, type StoredOrder,
} from '#services/bankid/orders.server.ts'
import type { OrderView } from '#services/bankid/view.ts'
import { orderView } from '#services/bankid/view.server.ts'
import { formById } from '#services/forms/registry.server.ts'
import { kioskCaseFields } from '#services/kiosk/cases.server.ts'
import type { Kiosk } from '#services/kiosk/kiosks.server.ts'
import { completeSigning } from '#services/signing/sign.server.ts'
import type { Locale } from '#forms/kit/index.ts'
import { validationContext } from '../eservice/flow.server.ts'
import { log } from '#services/log/logger.server.ts'

/** This browser's session and its binding, or null when there is no session (then there are no orders). */
export async function boundSession(request: Request): Promise<{ session: Session; binding: Binding } | null> {
  const session = await getSession(request)
  const browser = browserHash(request)
  if (!session || !browser) return null
  return { session, binding: { sessionHash: session.tokenHash, browserHash: browser } }
}

export type Progress = { view: OrderView; order: StoredOrder; setCookie?: string }

/**
 * One step of an order, as the order page and the status route both take it: collect from BankID (at
 * most every COLLECT_INTERVAL_MS), then act once on a completed one — log the citizen in under a new
 * session token, or receive the signed application. Null for an order that is not this browser's.
 */
export async function progress(request: Request, locale: Locale, orderId: string | null, purpose?: OrderPurpose, kiosk?: Kiosk): Promise<Progress | null> {
  const bound = await boundSession(request)
  if (!bound) return null
  const found = await findOrder(bound.binding, orderId)
  if (!found || (purpose && found.purpose !== purpose)) return null
  let order = await collectOrder(found)
  const userAgent = request.headers.get('User-Agent')

  if (order.purpose === 'login') {
    const next = safeRedirect(order.returnTo, '/mina-sidor')
    if (order.status === 'complete') {
      const taken = await takeCompleted(order.id)
      const user = taken?.completion?.user
      if (taken && user) {
        if (taken.flow === 'autostart' && taken.completion?.device.ipAddress !== taken.endUserIp)
          log.warn({ order: taken.id }, "BankID login: the app's address differs from the browser's")
        const login = await loginCitizen(bound.session.tokenHash, { personnummer: user.personalNumber, name: user.name })
        if (login) return { view: await orderView(taken, { userAgent, next }), order: taken, setCookie: login.setCookie }
        await refuseCompleted(order.id, 'loginLost')
      }
      order = (await findOrder(bound.binding, order.id)) ?? order
    }
    return { view: await orderView(order, { userAgent, next: isCitizen(bound.session) ? next : undefined }), order }
  }

  // A signature: only for the logged-in citizen whose e-service it is.
  const def = formById(order.formId)
  if (!def || !isCitizen(bound.session)) return null
  if (order.status === 'complete' || (order.status === 'used' && order.caseId)) {
    // Signed at a kiosk: the case records channel 'kiosk' and the location, as an unsigned one does.
    const outcome = await completeSigning({
      order, person: bound.session.person, sessionHash: bound.session.tokenHash, def, ctx: validationContext(locale, bound.session),
      filedAt: kioskCaseFields(kiosk, bound.session),
    })
    if (outcome.kind === 'received') {
      return { view: await orderView({ ...order, status: 'used' }, { userAgent, next: `/e-tjanster/${def.id}/kvitto/${outcome.number}` }), order }
    }
    order = (await findOrder(bound.binding, order.id)) ?? order
  }
  return { view: await orderView(order, { userAgent }), order }
}
