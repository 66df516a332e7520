import { createHash } from 'node:crypto'
import { checkFile, tooManyMessage, type FileField, type FileRef, type Locale } from '../../forms/kit/index.ts'
import { detectType, safeFileName, stripMetadata } from '../files/inspect.server.ts'
import { addDraftAttachment } from './drafts.server.ts'

/**
 * Stores a page's new uploads on the draft, after the field's rules: the type is what the bytes say,
 * never the name or the browser's claim; location metadata goes unless the citizen keeps it. A file
 * that breaks a rule is not stored, and the message names it; the good ones are kept.
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
  for (const file of input.files) {
    const name = safeFileName(file.name)
    if (refs.length >= field.maxFiles) {
      error ??= tooManyMessage(field, locale)
      continue
    }
    // Size first: a 200 MB file should not be read to be refused.
    const sizeProblem = checkFile(field, { name, size: file.size, mime: field.accept[0] ?? '' }, locale)
    if (sizeProblem) {
      error ??= sizeProblem
      continue
    }
    let bytes: Uint8Array = new Uint8Array(await file.arrayBuffer())
    const detected = await detectType(bytes)
    const problem = checkFile(field, { name, size: bytes.byteLength, mime: detected?.mime ?? 'application/octet-stream' }, locale)
    if (problem || !detected) {
      error ??= problem ?? undefined
      continue
    }
    let removed: string[] = []
    if (!input.keepMetadata) ({ bytes, removed } = stripMetadata(bytes, detected.mime))
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    refs.push(await addDraftAttachment(input.draftId, {
      fieldId: field.id, name, mime: detected.mime, size: bytes.byteLength, sha256, bytes, metadataRemoved: removed,
    }))
  }
  return { refs, error }
}
