import { t, type Locale } from '#forms/kit/index.ts'
import type { ReceiptFindings } from './receive.server.ts'

/**
 * What the citizen is told about their case's raised eligibility flags: each flag's `citizen` text, as
 * recorded when the case came in (never evaluated again), once per distinct text. Flags that could not
 * be judged say nothing to the citizen: a person looks at them as part of ordinary handling.
 */
export function citizenNotices(completeness: Pick<ReceiptFindings, 'flags'> | null | undefined, locale: Locale): string[] {
  const texts = (completeness?.flags ?? []).filter((f) => f.status === 'raised' && f.citizen).map((f) => t(f.citizen!, locale))
  return [...new Set(texts)]
}
