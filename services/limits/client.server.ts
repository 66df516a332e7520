import { addressScope } from './address.ts'
import { limitKey, type Rule } from './limiter.server.ts'

/**
 * Who a request counts against: the client address (Express's `req.ip`, which follows TRUST_PROXY behind a
 * load balancer) and the browser session, when there is one. An enrolled kiosk is many visitors behind a
 * library's one address, so there only its sessions count.
 */
export type LimitedClient = { readonly address: string; readonly sessionHash: string | null; readonly kiosk: boolean }

/** A client's two counters for one kind of thing (`send`, `upload`), limited in hits or in bytes. */
export function clientRules(client: LimitedClient, what: string, limit: { unit: 'maxHits' | 'maxBytes'; perAddress: number; perSession: number; windowSeconds: number }): Rule[] {
  const rules: Rule[] = []
  const { unit, windowSeconds } = limit
  if (!client.kiosk) rules.push({ key: limitKey(`${what}:addr`, addressScope(client.address)), windowSeconds, [unit]: limit.perAddress })
  if (client.sessionHash) rules.push({ key: limitKey(`${what}:session`, client.sessionHash), windowSeconds, [unit]: limit.perSession })
  return rules
}
