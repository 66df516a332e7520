import { generateKeyPairSync, randomBytes } from 'node:crypto'
import forge from 'node-forge'

/**
 * A throwaway self-signed certificate for localhost and 127.0.0.1, made at test time (never stored in
 * the repository). The key comes from node:crypto: forge's own RSA key generation takes seconds.
 * `pem` is certificate then key, the one-file form HAProxy's `crt` takes; `certPem` is what a client trusts.
 */
export function selfSignedLocalhost(): { certPem: string; keyPem: string; pem: string } {
  const { privateKey: keyPem } = generateKeyPairSync('rsa', {
    modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  const key = forge.pki.privateKeyFromPem(keyPem)
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e)
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`
  cert.validity.notBefore = new Date(Date.now() - 60 * 60_000)
  cert.validity.notAfter = new Date(Date.now() + 24 * 60 * 60_000)
  const subject = [{ name: 'commonName', value: 'localhost' }]
  cert.setSubject(subject)
  cert.setIssuer(subject)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
  ])
  cert.sign(key, forge.md.sha256.create())
  const certPem = forge.pki.certificateToPem(cert)
  return { certPem, keyPem, pem: `${certPem}${keyPem}` }
}
