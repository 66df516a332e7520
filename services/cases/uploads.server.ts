import { createHash } from 'node:crypto'
import { tooManyMessage, type FileField, type FileRef, type Locale } from '#forms/kit/index.ts'
import { checkUpload } from '../files/check-upload.server.ts'
import { addDraftAttachment } from './drafts.server.ts'

/**
 * Stores a page's new uploads on the draft, after the field's rules (checkUpload: the type is what the bytes
 * say; a photo is decoded and keeps only its pixels, and its position only if the citizen chose to share it).
 * A file that breaks a rule is not stored, and the message names it; the good ones are kept.
 */
export async function storeUploads(input: {
  draftId: string
  field: FileField
  files: File[]
  existing: FileRef[]
  keepMetadata: boolean
  locale: Locale
}): Promise<{ refs: FileRef[]; error?: string }> {
  const { field, locale } = input
  const refs = [...input.existing]
  let error: string | undefined
  for (const upload of input.files) {
    if (refs.length >= field.maxFiles) {
      error ??= tooManyMessage(field, locale)
      continue
    }
    const checked = await checkUpload(field, upload, locale, { keepExif: input.keepMetadata })
    if (!checked.ok) {
      error ??= checked.error
      continue
    }
    const { name, mime, bytes, removed } = checked.file
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    refs.push(await addDraftAttachment(input.draftId, {
      fieldId: field.id, name, mime, size: bytes.byteLength, sha256, bytes, metadataRemoved: removed,
    }))
  }
  return { refs, error }
}
