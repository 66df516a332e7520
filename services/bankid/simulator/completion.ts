import { createHash, randomBytes } from 'node:crypto'
import type { CompletionData } from '../types.ts'
import type { TestPerson } from './persons.ts'

export interface CompletionInput {
  kind: 'auth' | 'sign'
  person: TestPerson
  endUserIp: string
  userVisibleData?: string
  userNonVisibleData?: string
  returnRisk?: boolean
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Stable per person, so a stored case can be compared with a later login of the same "device". */
function uhiFor(personalNumber: string): string {
  return digest(`uhi:${personalNumber}`).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 40)
}

/** Stable per person and plausible: a day between 2020-01-01 and late 2024. */
function issueDateFor(personalNumber: string): string {
  const days = digest(`issued:${personalNumber}`).readUInt16BE(0) % 1800
  return new Date(Date.UTC(2020, 0, 1) + days * 86_400_000).toISOString().slice(0, 10)
}

/**
 * A document shaped like BankID's XMLDSig signature so that code storing or inspecting it (for example looking
 * for usrVisibleData/usrNonVisibleData) can be exercised. It is not cryptographically valid and says so.
 */
function signatureXml(input: CompletionInput): string {
  const visible = input.userVisibleData === undefined ? '' : `<usrVisibleData charset="UTF-8" visible="wysiwys">${input.userVisibleData}</usrVisibleData>`
  const nonVisible = input.userNonVisibleData === undefined ? '' : `<usrNonVisibleData>${input.userNonVisibleData}</usrNonVisibleData>`
  const { person } = input
  const signedData =
    `<bankIdSignedData xmlns="http://www.bankid.com/signature/v1.0.0/types" Id="bidSignedData">${visible}${nonVisible}` +
    `<srvInfo><nonce>${randomBytes(20).toString('base64')}</nonce></srvInfo>` +
    `<clientInfo><funcId>${input.kind === 'sign' ? 'Signing' : 'Identification'}</funcId><version>simulator</version>` +
    `<env><ai><uhi>${uhiFor(person.personalNumber)}</uhi><uauth>pin</uauth></ai></env></clientInfo></bankIdSignedData>`
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>' +
    '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><!-- BankID simulator: not a real signature -->' +
    '<SignedInfo><CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>' +
    '<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>' +
    '<Reference Type="http://www.bankid.com/signature/v1.0.0/types" URI="#bidSignedData">' +
    '<DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>' +
    `<DigestValue>${digest(signedData).toString('base64')}</DigestValue></Reference></SignedInfo>` +
    `<SignatureValue>${randomBytes(256).toString('base64')}</SignatureValue>` +
    `<KeyInfo><X509Data><X509SubjectName>serialNumber=${person.personalNumber},name=${escapeXml(`${person.givenName} ${person.surname}`)}</X509SubjectName></X509Data></KeyInfo>` +
    `<Object>${signedData}</Object></Signature>`
  )
}

export function buildCompletionData(input: CompletionInput): CompletionData {
  const { person } = input
  const data: CompletionData = {
    user: {
      personalNumber: person.personalNumber,
      name: `${person.givenName} ${person.surname}`,
      givenName: person.givenName,
      surname: person.surname,
    },
    device: { ipAddress: input.endUserIp, uhi: uhiFor(person.personalNumber) },
    bankIdIssueDate: issueDateFor(person.personalNumber),
    stepUp: { mrtd: false },
    signature: Buffer.from(signatureXml(input), 'utf8').toString('base64'),
    // Opaque bytes: nothing in the portal parses OCSP, it only keeps the response with the case.
    ocspResponse: Buffer.concat([Buffer.from([0x30, 0x82, 0x06, 0x00]), randomBytes(1532)]).toString('base64'),
  }
  if (input.returnRisk === true) data.risk = 'low'
  return data
}
