import type { FileField } from '../../forms/kit/index.ts'

/** Where a supplement may carry files: the documents and photos citizens usually have. Client-safe, for the form. */
export const SUPPLEMENT_FILES: FileField = {
  id: 'supplement', kind: 'file', label: { sv: 'Bifoga filer', en: 'Attach files' }, optional: true,
  accept: ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/webp'], maxSizeMb: 10, maxFiles: 5,
}
export const SUPPLEMENT_TEXT_MAX = 4000
