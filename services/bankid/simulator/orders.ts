import { randomUUID } from 'node:crypto'
import type { CollectResponse, CompletionData, FailedHintCode, PendingHintCode, StartResponse } from '../types.ts'
import { buildCompletionData } from './completion.ts'
import { resolvePerson, type TestPerson } from './persons.ts'
import type { OrderKind, OrderRequest } from './validate.ts'

// The simulator's order state machine, free of HTTP and of real time (the clock is injected).
// Behaviour follows the RP API v6 documentation:
// - a second order for a personalNumber with a pending order gives alreadyInProgress AND cancels the first
//   order (its next collect is failed/cancelled);
// - an order that is not finished within 3 minutes fails with expiredTransaction;
// - a finished order can be collected once; after that, after /cancel, or once it is too old (completed
//   3 minutes, failed 5 minutes), the orderRef is unknown: invalidParameters "No such order".

export const EXPIRE_AFTER_MS = 3 * 60_000
const KEEP_COMPLETED_MS = 3 * 60_000
const KEEP_FAILED_MS = 5 * 60_000
/** Pending hints an order walks through before an automatic approval completes it. */
const AUTO_STAGES: readonly PendingHintCode[] = ['outstandingTransaction', 'started', 'userSign']

type Outcome = { status: 'complete'; completionData: CompletionData } | { status: 'failed'; hintCode: FailedHintCode }

interface Order extends StartResponse {
  kind: OrderKind
  request: OrderRequest
  createdAt: number
  hintCode: PendingHintCode
  outcome: Outcome | null
  finishedAt: number
}

export interface PendingOrder {
  orderRef: string
  kind: OrderKind
  createdAt: number
  hintCode: PendingHintCode
  endUserIp: string
  /** requirement.personalNumber, when the RP named the user. */
  personalNumber?: string
  /** userVisibleData decoded to text, as the app would show it. */
  userVisibleText?: string
}

export type StartResult = { ok: true; response: StartResponse } | { ok: false; errorCode: 'alreadyInProgress'; details: string }
export type LookupResult<T> = { ok: true; response: T } | { ok: false; errorCode: 'invalidParameters'; details: string }

export interface OrderBookOptions {
  now: () => number
  /** Approve every order as this person (any usual personnummer format). */
  autoApprove?: string | null
  newId?: () => string
}

const NO_SUCH_ORDER = { ok: false, errorCode: 'invalidParameters', details: 'No such order' } as const

export class OrderBook {
  readonly #orders = new Map<string, Order>()
  readonly #now: () => number
  readonly #newId: () => string
  #autoApprove: TestPerson | null = null
  /** Per-order choice that overrides #autoApprove: a person, or 'manual' for no automatic approval. */
  readonly #perOrder = new Map<string, TestPerson | 'manual'>()

  constructor(options: OrderBookOptions) {
    this.#now = options.now
    this.#newId = options.newId ?? randomUUID
    this.setAutoApprove(options.autoApprove ?? null)
  }

  setAutoApprove(personnummer: string | null): void {
    this.#autoApprove = personnummer === null ? null : resolvePerson(personnummer)
  }

  /**
   * How the automatic approval treats one order: as `who`, or not at all ('manual', so the control page decides).
   * It models one browser's own phone, so tests running side by side can each be a different person.
   */
  setOrderAutoApprove(orderRef: string, who: TestPerson | string | 'manual'): void {
    this.#pendingOrThrow(orderRef)
    this.#perOrder.set(orderRef, who === 'manual' || typeof who !== 'string' ? who : resolvePerson(who))
  }

  start(kind: OrderKind, request: OrderRequest): StartResult {
    this.#sweep()
    const pno = request.requirement.personalNumber
    if (pno !== undefined) {
      const running = [...this.#orders.values()].find((o) => o.outcome === null && o.request.requirement.personalNumber === pno)
      if (running !== undefined) {
        this.#finish(running, { status: 'failed', hintCode: 'cancelled' })
        return { ok: false, errorCode: 'alreadyInProgress', details: 'Order already in progress for pno' }
      }
    }
    const order: Order = {
      orderRef: this.#newId(),
      autoStartToken: this.#newId(),
      qrStartToken: this.#newId(),
      qrStartSecret: this.#newId(),
      kind,
      request,
      createdAt: this.#now(),
      hintCode: 'outstandingTransaction',
      outcome: null,
      finishedAt: 0,
    }
    this.#orders.set(order.orderRef, order)
    const { orderRef, autoStartToken, qrStartToken, qrStartSecret } = order
    return { ok: true, response: { orderRef, autoStartToken, qrStartToken, qrStartSecret } }
  }

  collect(orderRef: string): LookupResult<CollectResponse> {
    this.#sweep()
    const order = this.#orders.get(orderRef)
    if (order === undefined) return NO_SUCH_ORDER
    if (order.outcome === null) this.#advanceAutomatically(order)
    const { outcome } = order
    if (outcome === null) return { ok: true, response: { orderRef, status: 'pending', hintCode: order.hintCode } }
    this.#forget(orderRef)
    return { ok: true, response: { orderRef, ...outcome } }
  }

  cancel(orderRef: string): LookupResult<Record<string, never>> {
    this.#sweep()
    if (!this.#orders.has(orderRef)) return NO_SUCH_ORDER
    this.#forget(orderRef)
    return { ok: true, response: {} }
  }

  // --- control: what the user would do in the BankID app ---

  pending(): PendingOrder[] {
    this.#sweep()
    return [...this.#orders.values()]
      .filter((o) => o.outcome === null)
      .map((o) => {
        const view: PendingOrder = { orderRef: o.orderRef, kind: o.kind, createdAt: o.createdAt, hintCode: o.hintCode, endUserIp: o.request.endUserIp }
        if (o.request.requirement.personalNumber !== undefined) view.personalNumber = o.request.requirement.personalNumber
        if (o.request.userVisibleData !== undefined) view.userVisibleText = Buffer.from(o.request.userVisibleData, 'base64').toString('utf8')
        return view
      })
  }

  /**
   * Completes the order as `person`. Unlike the real app this does not insist on requirement.personalNumber,
   * so tests can check that the portal itself refuses a signature by the wrong person.
   */
  approve(orderRef: string, person: TestPerson | string): void {
    const order = this.#pendingOrThrow(orderRef)
    this.#finish(order, { status: 'complete', completionData: this.#completion(order, typeof person === 'string' ? resolvePerson(person) : person) })
  }

  userCancel(orderRef: string): void {
    this.fail(orderRef, 'userCancel')
  }

  fail(orderRef: string, hintCode: FailedHintCode): void {
    this.#finish(this.#pendingOrThrow(orderRef), { status: 'failed', hintCode })
  }

  /** Shows a pending hint (for example noClient or userMrtd) on the next collects. */
  setHint(orderRef: string, hintCode: PendingHintCode): void {
    this.#pendingOrThrow(orderRef).hintCode = hintCode
  }

  #advanceAutomatically(order: Order): void {
    const chosen = this.#perOrder.get(order.orderRef) ?? this.#autoApprove
    if (chosen === null || chosen === 'manual') return
    const stage = AUTO_STAGES.indexOf(order.hintCode)
    if (stage === AUTO_STAGES.length - 1) {
      // The app only lets the named user sign, so a requirement wins over the configured person.
      const pno = order.request.requirement.personalNumber
      this.#finish(order, { status: 'complete', completionData: this.#completion(order, pno === undefined ? chosen : resolvePerson(pno)) })
    } else {
      order.hintCode = AUTO_STAGES[stage + 1] ?? 'started'
    }
  }

  #completion(order: Order, person: TestPerson): CompletionData {
    const { endUserIp, userVisibleData, userNonVisibleData, returnRisk } = order.request
    return buildCompletionData({ kind: order.kind, person, endUserIp, userVisibleData, userNonVisibleData, returnRisk })
  }

  #pendingOrThrow(orderRef: string): Order {
    this.#sweep()
    const order = this.#orders.get(orderRef)
    if (order === undefined || order.outcome !== null) throw new Error(`No pending order ${orderRef}`)
    return order
  }

  #finish(order: Order, outcome: Outcome, at = this.#now()): void {
    order.outcome = outcome
    order.finishedAt = at
  }

  /** Lazy expiry instead of timers: nothing keeps the process alive and an injected clock just works. */
  #sweep(): void {
    const now = this.#now()
    for (const order of this.#orders.values()) {
      if (order.outcome === null && now - order.createdAt >= EXPIRE_AFTER_MS) {
        this.#finish(order, { status: 'failed', hintCode: 'expiredTransaction' }, order.createdAt + EXPIRE_AFTER_MS)
      }
      const keep = order.outcome?.status === 'complete' ? KEEP_COMPLETED_MS : KEEP_FAILED_MS
      if (order.outcome !== null && now - order.finishedAt > keep) this.#forget(order.orderRef)
    }
  }

  #forget(orderRef: string): void {
    this.#orders.delete(orderRef)
    this.#perOrder.delete(orderRef)
  }
}
