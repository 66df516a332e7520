// Shapes of the BankID RP API v6 as documented at developers.bankid.com. Client-safe: no node imports.

export const PENDING_HINT_CODES = ['outstandingTransaction', 'noClient', 'started', 'userMrtd', 'userCallConfirm', 'userSign'] as const
export const FAILED_HINT_CODES = [
  'expiredTransaction',
  'certificateErr',
  'userCancel',
  'cancelled',
  'startFailed',
  'userDeclinedCall',
  'notSupportedByUserApp',
] as const
export type PendingHintCode = (typeof PENDING_HINT_CODES)[number]
export type FailedHintCode = (typeof FAILED_HINT_CODES)[number]
export type CollectStatus = 'pending' | 'failed' | 'complete'

export const ERROR_CODES = [
  'alreadyInProgress',
  'invalidParameters',
  'unauthorized',
  'notFound',
  'methodNotAllowed',
  'requestTimeout',
  'unsupportedMediaType',
  'internalError',
  'maintenance',
] as const
export type BankIdErrorCode = (typeof ERROR_CODES)[number]

export interface Requirement {
  pinCode?: boolean
  mrtd?: boolean
  cardReader?: 'class1' | 'class2'
  certificatePolicies?: string[]
  /** 12 digits, YYYYMMDDNNNC. */
  personalNumber?: string
}

export interface WebDeviceParameters {
  referringDomain?: string
  userAgent?: string
  deviceIdentifier?: string
}

export interface StartResponse {
  orderRef: string
  autoStartToken: string
  qrStartToken: string
  qrStartSecret: string
}

export interface CompletionData {
  user: { personalNumber: string; name: string; givenName: string; surname: string }
  device: { ipAddress: string; uhi?: string }
  /** YYYY-MM-DD */
  bankIdIssueDate: string
  stepUp?: { mrtd: boolean }
  /** Base64 of the XMLDSig document. */
  signature: string
  /** Base64 of the DER-encoded OCSP response. */
  ocspResponse: string
  risk?: string
}

export type CollectResponse =
  | { orderRef: string; status: 'pending'; hintCode: string }
  | { orderRef: string; status: 'failed'; hintCode: string }
  | { orderRef: string; status: 'complete'; completionData: CompletionData }

export interface ErrorResponse {
  errorCode: string
  details: string
}
