import { isIP } from 'node:net'
import type { Requirement } from '../types.ts'
import { normalisePersonnummer } from './persons.ts'

// Request validation as the real RP API v6 does it: anything wrong is `invalidParameters` with a short
// `details` text. The limits are the documented ones (lengths are counted after base64 encoding).
export const USER_VISIBLE_DATA_MAX = 40_000
export const USER_NON_VISIBLE_DATA_MAX = 200_000

export type OrderKind = 'auth' | 'sign'

export interface OrderRequest {
  endUserIp: string
  requirement: Requirement
  userVisibleData?: string
  userVisibleDataFormat?: 'simpleMarkdownV1'
  userNonVisibleData?: string
  returnUrl?: string
  returnRisk?: boolean
}

export type Validated<T> = { ok: true; value: T } | { ok: false; details: string }

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function invalid(details: string): { ok: false; details: string } {
  return { ok: false, details }
}

function checkBase64(value: string, name: string, max: number): string | null {
  if (value.length === 0 || !BASE64.test(value)) return `Invalid ${name}`
  if (value.length > max) return `${name} too long`
  return null
}

function validateRequirement(value: unknown): Validated<Requirement> {
  if (value === undefined) return { ok: true, value: {} }
  if (!isRecord(value)) return invalid('Invalid requirement')
  const out: Requirement = {}
  for (const key of ['pinCode', 'mrtd'] as const) {
    const flag = value[key]
    if (flag === undefined) continue
    if (typeof flag !== 'boolean') return invalid(`Invalid requirement.${key}`)
    out[key] = flag
  }
  if (value.cardReader !== undefined) {
    if (value.cardReader !== 'class1' && value.cardReader !== 'class2') return invalid('Invalid requirement.cardReader')
    out.cardReader = value.cardReader
  }
  if (value.certificatePolicies !== undefined) {
    const policies = value.certificatePolicies
    if (!Array.isArray(policies) || !policies.every((p): p is string => typeof p === 'string' && /^[0-9.*]+$/.test(p))) {
      return invalid('Invalid requirement.certificatePolicies')
    }
    out.certificatePolicies = policies
  }
  if (value.personalNumber !== undefined) {
    const pno = value.personalNumber
    if (typeof pno !== 'string' || !/^\d{12}$/.test(pno) || normalisePersonnummer(pno) !== pno) {
      return invalid('Incorrect personalNumber')
    }
    out.personalNumber = pno
  }
  return { ok: true, value: out }
}

export function validateOrderRequest(kind: OrderKind, body: unknown): Validated<OrderRequest> {
  if (!isRecord(body)) return invalid('Invalid request body')
  const { endUserIp, userVisibleData, userVisibleDataFormat, userNonVisibleData, returnUrl, returnRisk } = body
  if (typeof endUserIp !== 'string' || endUserIp === '') return invalid('Missing endUserIp')
  if (isIP(endUserIp) === 0) return invalid('Invalid endUserIp')

  const requirement = validateRequirement(body.requirement)
  if (!requirement.ok) return requirement
  const out: OrderRequest = { endUserIp, requirement: requirement.value }

  if (userVisibleData === undefined) {
    if (kind === 'sign') return invalid('Missing userVisibleData')
  } else {
    if (typeof userVisibleData !== 'string') return invalid('Invalid userVisibleData')
    const problem = checkBase64(userVisibleData, 'userVisibleData', USER_VISIBLE_DATA_MAX)
    if (problem !== null) return invalid(problem)
    out.userVisibleData = userVisibleData
  }
  if (userVisibleDataFormat !== undefined) {
    if (userVisibleDataFormat !== 'simpleMarkdownV1') return invalid('Invalid userVisibleDataFormat')
    if (out.userVisibleData === undefined) return invalid('userVisibleDataFormat without userVisibleData')
    out.userVisibleDataFormat = userVisibleDataFormat
  }
  if (userNonVisibleData !== undefined) {
    if (typeof userNonVisibleData !== 'string') return invalid('Invalid userNonVisibleData')
    const problem = checkBase64(userNonVisibleData, 'userNonVisibleData', USER_NON_VISIBLE_DATA_MAX)
    if (problem !== null) return invalid(problem)
    out.userNonVisibleData = userNonVisibleData
  }
  if (returnUrl !== undefined) {
    if (typeof returnUrl !== 'string' || !URL.canParse(returnUrl)) return invalid('Invalid returnUrl')
    out.returnUrl = returnUrl
  }
  if (returnRisk !== undefined) {
    if (typeof returnRisk !== 'boolean') return invalid('Invalid returnRisk')
    out.returnRisk = returnRisk
  }
  return { ok: true, value: out }
}

export function validateOrderRef(body: unknown): Validated<string> {
  if (!isRecord(body) || typeof body.orderRef !== 'string' || body.orderRef === '') return invalid('Missing orderRef')
  return { ok: true, value: body.orderRef }
}
