import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'
import type { Answers } from '#forms/kit/index.ts'

// What a BankID signature binds to, beyond the text the citizen reads: a SHA-256 over the canonical form of
// the answers and the attachments' own SHA-256 sums. It travels in userNonVisibleData, so it ends up inside
// BankID's signed XML, and is kept with the case; anyone can later recompute it from the stored case.

export type SignedAttachment = { id: string; fieldId: string; name: string; sha256: string }
export type SignedContent = {
  formId: string
  formVersion: number
  /** The signer's personnummer (12 digits). */
  signer: string
  /** The answers as they validate (checkSubmission's output): exactly what the case stores. */
  answers: Answers
  attachments: SignedAttachment[]
}

/** Version tag of the format below; bump it if the canonical form ever changes. */
export const CONTENT_HASH_FORMAT = 'e-tjanster-signed-content-v1'

/**
 * The JSON Canonicalization Scheme (RFC 8785): keys sorted by UTF-16 code units at every level, numbers and
 * strings as ECMAScript writes them, so the same content always gives the same bytes and anyone can recompute
 * the hash with any RFC 8785 implementation. NaN, infinities and lone surrogates cannot be signed.
 */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null'
}

export function contentHash(content: SignedContent): string {
  const attachments = [...content.attachments].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const canonical = canonicalJson({
    format: CONTENT_HASH_FORMAT,
    form: { id: content.formId, version: content.formVersion },
    signer: content.signer,
    answers: content.answers,
    attachments,
  })
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

/** The hidden data sent with /sign: the format and the hash, readable by a person checking the XML later. */
export const nonVisibleData = (hash: string) => `${CONTENT_HASH_FORMAT};sha256=${hash}`
