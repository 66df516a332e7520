import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import forge from 'node-forge'

// The simulator's own PKI: a CA, a server certificate for localhost and an RP (client) certificate, made with
// node-forge so that a fresh CI machine needs no openssl CLI. Keys come from node:crypto because forge's
// pure-JS RSA keygen takes seconds per key.

export interface SimulatorCerts {
  dir: string
  caPem: string
  serverCertPem: string
  serverKeyPem: string
  clientCertPem: string
  clientKeyPem: string
  clientPfxPath: string
  passphrase: string
}

export const DEFAULT_CERT_DIR = '.data/bankid-sim'

const FILES = {
  ca: 'ca.pem',
  serverCert: 'server.pem',
  serverKey: 'server-key.pem',
  clientCert: 'client.pem',
  clientKey: 'client-key.pem',
  clientPfx: 'client.p12',
  passphrase: 'client.p12.passphrase',
} as const

function newKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } })
  const forgeKey = forge.pki.privateKeyFromPem(privateKey)
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) }
}

function certificate(options: {
  subject: string
  publicKey: forge.pki.rsa.PublicKey
  issuer: { cert: forge.pki.Certificate | null; key: forge.pki.rsa.PrivateKey }
  extensions: object[]
  years: number
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate()
  cert.publicKey = options.publicKey
  // Positive, random serial: a reused serial from an older run would confuse clients that cache by issuer+serial.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`
  const notBefore = new Date(Date.now() - 60 * 60_000)
  cert.validity.notBefore = notBefore
  cert.validity.notAfter = new Date(notBefore.getTime() + options.years * 365 * 86_400_000)
  const subject = [{ name: 'commonName', value: options.subject }, { name: 'organizationName', value: 'BankID simulator (not BankID)' }]
  cert.setSubject(subject)
  cert.setIssuer(options.issuer.cert?.subject.attributes ?? subject)
  cert.setExtensions([{ name: 'subjectKeyIdentifier' }, ...options.extensions])
  cert.sign(options.issuer.key, forge.md.sha256.create())
  return cert
}

function generate(): Omit<SimulatorCerts, 'dir' | 'clientPfxPath'> & { pfx: Buffer } {
  const caKeys = newKeyPair()
  const caCert = certificate({
    subject: 'BankID simulator CA',
    publicKey: caKeys.publicKey,
    issuer: { cert: null, key: caKeys.privateKey },
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
    years: 10,
  })
  const issuer = { cert: caCert, key: caKeys.privateKey }
  // The server's and the RP's certificates are both leaves of the CA, for five years; they differ in name and use.
  const leaf = (subject: string, publicKey: forge.pki.rsa.PublicKey, use: { serverAuth: true } | { clientAuth: true }, more: object[] = []) =>
    certificate({
      subject,
      publicKey,
      issuer,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', ...use },
        ...more,
      ],
      years: 5,
    })
  const serverKeys = newKeyPair()
  const serverCert = leaf('localhost', serverKeys.publicKey, { serverAuth: true }, [
    { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
  ])
  const clientKeys = newKeyPair()
  const clientCert = leaf('BankID simulator RP', clientKeys.publicKey, { clientAuth: true })
  const passphrase = randomBytes(18).toString('base64url')
  // AES rather than forge's default 3DES: OpenSSL 3 refuses some legacy PKCS#12 ciphers without its legacy provider.
  const p12 = forge.pkcs12.toPkcs12Asn1(clientKeys.privateKey, [clientCert, caCert], passphrase, { algorithm: 'aes256', friendlyName: 'bankid-simulator-rp' })
  return {
    caPem: forge.pki.certificateToPem(caCert),
    serverCertPem: forge.pki.certificateToPem(serverCert),
    serverKeyPem: forge.pki.privateKeyToPem(serverKeys.privateKey),
    clientCertPem: forge.pki.certificateToPem(clientCert),
    clientKeyPem: forge.pki.privateKeyToPem(clientKeys.privateKey),
    passphrase,
    pfx: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'),
  }
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT'
}

async function load(dir: string): Promise<SimulatorCerts | null> {
  const read = (name: string) => readFile(join(dir, name), 'utf8')
  try {
    const [caPem, serverCertPem, serverKeyPem, clientCertPem, clientKeyPem, passphrase] = await Promise.all([
      read(FILES.ca),
      read(FILES.serverCert),
      read(FILES.serverKey),
      read(FILES.clientCert),
      read(FILES.clientKey),
      read(FILES.passphrase),
      readFile(join(dir, FILES.clientPfx)),
    ])
    return { dir, caPem, serverCertPem, serverKeyPem, clientCertPem, clientKeyPem, passphrase: passphrase.trim(), clientPfxPath: join(dir, FILES.clientPfx) }
  } catch (error) {
    if (isMissingFile(error)) return null
    throw error
  }
}

/**
 * Loads the certificates from `dir`, generating them on first use. The set is written to a temporary folder
 * and renamed into place, so two processes starting at once (parallel test workers) never mix two sets.
 */
export async function ensureSimulatorCerts(dir: string = DEFAULT_CERT_DIR): Promise<SimulatorCerts> {
  const target = resolve(dir)
  const existing = await load(target)
  if (existing !== null) return existing

  const generated = generate()
  await mkdir(dirname(target), { recursive: true })
  const staging = `${target}.tmp-${randomUUID()}`
  await mkdir(staging, { mode: 0o700 })
  const secret = { mode: 0o600 }
  await Promise.all([
    writeFile(join(staging, FILES.ca), generated.caPem),
    writeFile(join(staging, FILES.serverCert), generated.serverCertPem),
    writeFile(join(staging, FILES.serverKey), generated.serverKeyPem, secret),
    writeFile(join(staging, FILES.clientCert), generated.clientCertPem),
    writeFile(join(staging, FILES.clientKey), generated.clientKeyPem, secret),
    writeFile(join(staging, FILES.clientPfx), generated.pfx, secret),
    writeFile(join(staging, FILES.passphrase), `${generated.passphrase}\n`, secret),
  ])
  try {
    await rename(staging, target)
  } catch (error) {
    // Someone else won the race (or left an incomplete folder we must not overwrite): use theirs.
    await rm(staging, { recursive: true, force: true })
    const theirs = await load(target)
    if (theirs !== null) return theirs
    throw new Error(`${target} exists but holds no complete set of BankID simulator certificates; delete it to regenerate`, { cause: error })
  }
  const loaded = await load(target)
  if (loaded === null) throw new Error(`BankID simulator certificates vanished from ${target}`)
  return loaded
}
