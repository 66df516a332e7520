import { createHash } from 'node:crypto'
import { CSRF_COOKIE } from '../auth/csrf.server.ts'
import { readCookie } from '../auth/cookies.ts'
import { sql } from '../db/sql.server.ts'
import { BankIdError, BankIdUnavailableError } from './client.server.ts'
import { bankId } from './runtime.server.ts'
import type { CompletionData } from './types.ts'
import { countBankIdOutcome } from '../metrics/metrics.server.ts'
import { log } from '../log/logger.server.ts'

// BankID orders as the portal keeps them: in PostgreSQL (so any portal process can answer a poll), bound to
// the browser session that started them. The browser refers to an order by our own random `id`; BankID's
// orderRef, the autostart token and the QR secret never have to leave the server.

export type OrderPurpose = 'login' | 'sign'
export type OrderFlow = 'autostart' | 'qr'
export type OrderStatus = 'pending' | 'complete' | 'failed' | 'cancelled' | 'used'

/** Who may see an order: the session (cookie token) and the browser (its CSRF cookie) that started it. */
export type Binding = { sessionHash: string; browserHash: string }

export type StoredOrder = {
  id: string
  orderRef: string
  purpose: OrderPurpose
  flow: OrderFlow
  autoStartToken: string
  qrStartToken: string
  qrStartSecret: string | null
  endUserIp: string
  startedAt: Date
  returnTo: string | null
  draftId: string | null
  formId: string | null
  signerPersonnummer: string | null
  visibleText: string | null
  nonVisibleData: string | null
  contentHash: string | null
  caseId: string | null
  status: OrderStatus
  hintCode: string | null
  errorCode: string | null
  completion: CompletionData | null
}

export type SignContent = { draftId: string; formId: string; signer: string; visibleText: string; nonVisibleData: string; contentHash: string }

export type StartResult = { ok: true; order: StoredOrder } | { ok: false; errorCode: string }

/** Starts per client address and per session within the window; generous, since a library's computers share one address. */
export const START_LIMIT = { perIp: 60, perSession: 10, windowMinutes: 10 } as const
/** BankID asks for a collect about every 2 s; polls in between are answered from the stored state. */
export const COLLECT_INTERVAL_MS = 1500
/** BankID ends an order after 3 minutes; past this we stop asking even if BankID could not be reached. */
const ORDER_LIFETIME_SECONDS = 200
/** Longer than the client's HTTP timeout: one request collects at a time, even across processes. */
const COLLECT_LEASE_SECONDS = 15

const hash = (value: string) => createHash('sha256').update(value).digest('hex')

export function browserHash(request: Request): string | null {
  const token = readCookie(request.headers.get('Cookie'), CSRF_COOKIE)
  return token ? hash(token) : null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type Row = {
  id: string; order_ref: string; purpose: OrderPurpose; flow: OrderFlow; auto_start_token: string; qr_start_token: string
  qr_start_secret: string | null; end_user_ip: string; started_at: Date; return_to: string | null; draft_id: string | null
  form_id: string | null; signer_personnummer: string | null; visible_text: string | null; non_visible_data: string | null
  content_hash: string | null; case_id: string | null; status: OrderStatus; hint_code: string | null; error_code: string | null
  completion: CompletionData | null
}
const toOrder = (r: Row): StoredOrder => ({
  id: r.id, orderRef: r.order_ref, purpose: r.purpose, flow: r.flow, autoStartToken: r.auto_start_token, qrStartToken: r.qr_start_token,
  qrStartSecret: r.qr_start_secret, endUserIp: r.end_user_ip, startedAt: r.started_at, returnTo: r.return_to, draftId: r.draft_id,
  formId: r.form_id, signerPersonnummer: r.signer_personnummer, visibleText: r.visible_text, nonVisibleData: r.non_visible_data,
  contentHash: r.content_hash, caseId: r.case_id, status: r.status, hintCode: r.hint_code, errorCode: r.error_code, completion: r.completion,
})
const columns = () => sql()`id, order_ref, purpose, flow, auto_start_token, qr_start_token, qr_start_secret, end_user_ip, started_at, return_to,
  draft_id, form_id, signer_personnummer, visible_text, non_visible_data, content_hash, case_id, status, hint_code, error_code, completion`

async function rateLimited(binding: Binding, ip: string): Promise<boolean> {
  const since = sql()`started_at > now() - make_interval(mins => ${START_LIMIT.windowMinutes}::int)`
  const [row] = await sql()<{ ip: number; session: number }[]>`
    select (select count(*)::int from bankid_orders where end_user_ip = ${ip} and ${since}) as ip,
           (select count(*)::int from bankid_orders where session_hash = ${binding.sessionHash} and ${since}) as session`
  return (row?.ip ?? 0) >= START_LIMIT.perIp || (row?.session ?? 0) >= START_LIMIT.perSession
}

/**
 * Starts a login (/auth) or a signature (/sign) and stores it against the browser session. A signature is
 * locked to the signer's personnummer, so BankID lets nobody else sign. Never throws for BankID's own
 * troubles: `errorCode` says what went wrong ('unreachable', 'maintenance', 'alreadyInProgress', 'rateLimited' …).
 */
export async function startOrder(input: {
  binding: Binding
  purpose: OrderPurpose
  flow: OrderFlow
  endUserIp: string
  returnTo?: string
  sign?: SignContent
}): Promise<StartResult> {
  const { binding, purpose, flow, endUserIp, sign } = input
  if (purpose === 'sign' && !sign) throw new Error('A signature order needs its content')
  if (await rateLimited(binding, endUserIp)) return { ok: false, errorCode: 'rateLimited' }
  let started
  try {
    const client = await bankId()
    started = sign
      ? await client.sign({
          endUserIp,
          userVisibleData: sign.visibleText,
          userVisibleDataFormat: 'simpleMarkdownV1',
          userNonVisibleData: sign.nonVisibleData,
          requirement: { personalNumber: sign.signer },
        })
      : await client.auth({ endUserIp })
  } catch (e) {
    if (e instanceof BankIdError) {
      if (!(e instanceof BankIdUnavailableError) && e.errorCode !== 'alreadyInProgress') log.error({ purpose, code: e.errorCode, err: e }, 'BankID refused the order')
      return { ok: false, errorCode: e.errorCode }
    }
    // BankID never started (misconfiguration): the citizen sees "something went wrong", the log says why.
    log.error({ err: e }, 'BankID is not available')
    return { ok: false, errorCode: 'unreachable' }
  }
  const [row] = await sql()<Row[]>`
    insert into bankid_orders (order_ref, session_hash, browser_hash, purpose, flow, auto_start_token, qr_start_token, qr_start_secret,
      end_user_ip, started_at, return_to, draft_id, form_id, signer_personnummer, visible_text, non_visible_data, content_hash)
    values (${started.orderRef}, ${binding.sessionHash}, ${binding.browserHash}, ${purpose}, ${flow}, ${started.autoStartToken},
      ${started.qrStartToken}, ${started.qrStartSecret}, ${endUserIp}, ${new Date()}, ${input.returnTo ?? null},
      ${sign?.draftId ?? null}, ${sign?.formId ?? null}, ${sign?.signer ?? null}, ${sign?.visibleText ?? null},
      ${sign?.nonVisibleData ?? null}, ${sign?.contentHash ?? null})
    returning ${columns()}`
  return { ok: true, order: toOrder(row!) }
}

/** The order, only for the session and browser that started it: a guessed, replayed or foreign id gets null. */
export async function findOrder(binding: Binding, id: string | null | undefined): Promise<StoredOrder | null> {
  if (!id || !UUID.test(id)) return null
  const [row] = await sql()<Row[]>`
    select ${columns()} from bankid_orders
    where id = ${id} and session_hash = ${binding.sessionHash} and browser_hash = ${binding.browserHash}`
  return row ? toOrder(row) : null
}

async function reload(id: string): Promise<StoredOrder> {
  const [row] = await sql()<Row[]>`select ${columns()} from bankid_orders where id = ${id}`
  return toOrder(row!)
}

/**
 * Brings a pending order up to date with BankID. Only one request collects at a time and not more often
 * than BankID asks; everyone else gets the stored state. The first complete answer is stored, because
 * BankID gives it only once. BankID being unreachable keeps the order pending (with the error noted) so
 * that a short outage loses nothing.
 */
export async function collectOrder(order: StoredOrder): Promise<StoredOrder> {
  if (order.status !== 'pending') return order
  const [expired] = await sql()<{ id: string }[]>`
    update bankid_orders set status = 'failed', hint_code = 'expiredTransaction', finished_at = now(), qr_start_secret = null
    where id = ${order.id} and status = 'pending' and started_at < now() - make_interval(secs => ${ORDER_LIFETIME_SECONDS}::int)
    returning id`
  if (expired) {
    countBankIdOutcome(order.purpose, 'expired')
    return reload(order.id)
  }
  const [claimed] = await sql()<{ id: string }[]>`
    update bankid_orders set collecting_until = now() + make_interval(secs => ${COLLECT_LEASE_SECONDS}::int), last_collect_at = now()
    where id = ${order.id} and status = 'pending'
      and (collecting_until is null or collecting_until < now())
      and (last_collect_at is null or last_collect_at < now() - make_interval(secs => ${COLLECT_INTERVAL_MS / 1000}::float8))
    returning id`
  if (!claimed) return reload(order.id)

  try {
    const result = await (await bankId()).collect(order.orderRef)
    if (result.status === 'pending') {
      await sql()`update bankid_orders set hint_code = ${result.hintCode}, error_code = null, collecting_until = null
        where id = ${order.id} and status = 'pending'`
    } else if (result.status === 'failed') {
      const r = await sql()`update bankid_orders set status = 'failed', hint_code = ${result.hintCode}, error_code = null, finished_at = now(),
        qr_start_secret = null, collecting_until = null where id = ${order.id} and status = 'pending'`
      if (r.count) countBankIdOutcome(order.purpose, 'failed')
    } else {
      const r = await sql()`update bankid_orders set status = 'complete', completion = ${sql().json(result.completionData as never)}, hint_code = null,
        error_code = null, finished_at = now(), qr_start_secret = null, collecting_until = null where id = ${order.id} and status = 'pending'`
      if (r.count) countBankIdOutcome(order.purpose, 'complete')
    }
  } catch (e) {
    if (e instanceof BankIdUnavailableError) {
      await sql()`update bankid_orders set error_code = ${e.errorCode}, collecting_until = null where id = ${order.id}`
    } else if (e instanceof BankIdError) {
      // invalidParameters here means BankID no longer knows the order: it cannot finish any more.
      log.error({ order: order.id, code: e.errorCode, err: e }, 'BankID collect failed')
      const r = await sql()`update bankid_orders set status = 'failed', error_code = ${e.errorCode}, finished_at = now(), qr_start_secret = null,
        collecting_until = null where id = ${order.id} and status = 'pending'`
      if (r.count) countBankIdOutcome(order.purpose, 'failed')
    } else {
      await sql()`update bankid_orders set collecting_until = null where id = ${order.id}`
      throw e
    }
  }
  return reload(order.id)
}

/** Cancels a pending order of this session, here and at BankID (best effort: it expires there anyway). */
export async function cancelOrder(binding: Binding, id: string | null | undefined): Promise<StoredOrder | null> {
  const order = await findOrder(binding, id)
  if (!order) return null
  const [row] = await sql()<{ order_ref: string }[]>`
    update bankid_orders set status = 'cancelled', finished_at = now(), qr_start_secret = null
    where id = ${order.id} and status = 'pending' returning order_ref`
  if (row) {
    countBankIdOutcome(order.purpose, 'cancelled')
    await (await bankId()).cancel(row.order_ref).catch((e: unknown) => {
      if (!(e instanceof BankIdError)) log.error({ err: e }, 'BankID cancel failed')
    })
  }
  return reload(order.id)
}

/**
 * Marks a complete order as used and returns it, or null when another request already did: a completed
 * login or signature is acted on exactly once.
 */
export async function takeCompleted(id: string): Promise<StoredOrder | null> {
  const [row] = await sql()<Row[]>`
    update bankid_orders set status = 'used' where id = ${id} and status = 'complete' returning ${columns()}`
  return row ? toOrder(row) : null
}

/** A completed order that must not be acted on (the wrong person signed, the answers changed …). */
export async function refuseCompleted(id: string, errorCode: string): Promise<void> {
  await sql()`update bankid_orders set status = 'failed', error_code = ${errorCode} where id = ${id} and status in ('complete', 'used')`
}

export async function recordCase(id: string, caseId: string): Promise<void> {
  await sql()`update bankid_orders set case_id = ${caseId} where id = ${id}`
}

/** Which of these BankID orders this browser started (for the simulator's control page). */
export async function orderRefsOf(binding: Binding, orderRefs: string[]): Promise<Set<string>> {
  if (orderRefs.length === 0) return new Set()
  const rows = await sql()<{ order_ref: string }[]>`
    select order_ref from bankid_orders
    where order_ref in ${sql()(orderRefs)} and session_hash = ${binding.sessionHash} and browser_hash = ${binding.browserHash}`
  return new Set(rows.map((r) => r.order_ref))
}
