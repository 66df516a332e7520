import { fill, t } from '#forms/kit/text.ts'
import type { FileField, Locale } from '#forms/kit/types.ts'

/** Where a supplement may carry files: the documents and photos citizens usually have. Client-safe, for the form. */
export const SUPPLEMENT_FILES: FileField = {
  id: 'supplement', kind: 'file', label: { sv: 'Bifoga filer', en: 'Attach files' }, optional: true,
  accept: ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/webp'], maxSizeMb: 10, maxFiles: 5,
}
export const SUPPLEMENT_TEXT_MAX = 4000

const TYPE_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/heic': 'HEIC', 'image/webp': 'WebP' }

/** The hint under a supplement's or message's file input, from the limits above so it never disagrees with them. */
export function supplementFilesHint(locale: Locale): string {
  const names = SUPPLEMENT_FILES.accept.map((m) => TYPE_NAMES[m] ?? m)
  const or = locale === 'en' ? ' or ' : ' eller '
  const types = `${names.slice(0, -1).join(', ')}${or}${names.at(-1)}`
  return fill(t({
    sv: '{types}, högst {mb} MB per fil och högst {n} filer. Platsinformation tas bort ur bilder.',
    en: '{types}, at most {mb} MB each and {n} files. Location information is removed from pictures.',
  }, locale), { types, mb: SUPPLEMENT_FILES.maxSizeMb, n: SUPPLEMENT_FILES.maxFiles })
}
