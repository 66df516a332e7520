import type { StaffSignature } from '#services/signing/staff-view.server.ts'
import { formatDateTime } from '../labels.ts'

/**
 * Who signed the application with BankID and what: the digest is the SHA-256 the signature carries
 * (docs/bankid.md), which anyone can recompute from the stored answers and files.
 */
export function SignatureFacts({ signature: s }: { signature: StaffSignature | null }) {
  if (!s) return null
  return (
    <section aria-labelledby="signature-h">
      <h2 id="signature-h">Underskrift med BankID</h2>
      <dl className="facts">
        <div><dt>Undertecknad av</dt><dd>{s.name}, {s.personnummer}{s.masked ? ' (dolt för din roll)' : ''}</dd></div>
        <div><dt>Tidpunkt</dt><dd>{formatDateTime(s.signedAt)}</dd></div>
        <div><dt>Kontrollsumma (SHA-256)</dt><dd><code className="digest">{s.contentHash}</code></dd></div>
      </dl>
    </section>
  )
}
