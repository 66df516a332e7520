import { createHash } from 'node:crypto'
import { tooManyMessage, type Locale } from '#forms/kit/index.ts'
import type { Tx } from '../db/sql.server.ts'
import { checkUpload, type CheckedUpload } from '../files/check-upload.server.ts'
import { SUPPLEMENT_FILES, SUPPLEMENT_TEXT_MAX } from './supplement-files.ts'

export type TextAndFiles = { ok: true; text: string; files: CheckedUpload[] } | { ok: false; errors: { text?: string; files?: string } }

/**
 * What the citizen writes on Mina sidor — a supplement answer or a message — with its files: some text or
 * a file is needed, the text has a limit, and the files are checked as on the e-service pages (checkUpload,
 * against SUPPLEMENT_FILES). Messages in the citizen's language.
 */
export async function checkTextAndFiles(rawText: string, rawFiles: File[], locale: Locale, empty: { sv: string; en: string }): Promise<TextAndFiles> {
  const en = locale === 'en'
  const text = rawText.replace(/\r\n/g, '\n').trim()
  const errors: { text?: string; files?: string } = {}
  const files = rawFiles.filter((f) => f.size > 0)
  if (!text && files.length === 0) errors.text = en ? empty.en : empty.sv
  if (text.length > SUPPLEMENT_TEXT_MAX) errors.text = en ? `The text must be ${SUPPLEMENT_TEXT_MAX} characters or fewer` : `Texten får ha högst ${SUPPLEMENT_TEXT_MAX} tecken`
  if (files.length > SUPPLEMENT_FILES.maxFiles) errors.files = tooManyMessage(SUPPLEMENT_FILES, locale)
  const checked: CheckedUpload[] = []
  for (const file of errors.files ? [] : files) {
    const result = await checkUpload(SUPPLEMENT_FILES, file, locale)
    if (result.ok) checked.push(result.file)
    else errors.files ??= result.error
  }
  return errors.text || errors.files ? { ok: false, errors } : { ok: true, text, files: checked }
}

/** Stores checked files with the case under `fieldId` (`supplement:<seq>`, `message:<seq>`), in the event's transaction. */
export async function storeCaseFiles(tx: Tx, caseId: string, fieldId: string, files: CheckedUpload[]): Promise<{ id: string; name: string }[]> {
  const ids: { id: string; name: string }[] = []
  for (const f of files) {
    const [row] = await tx<{ id: string }[]>`
      insert into attachments (case_id, field_id, file_name, mime, size, sha256, metadata_removed, bytes)
      values (${caseId}, ${fieldId}, ${f.name}, ${f.mime}, ${f.bytes.byteLength},
              ${createHash('sha256').update(f.bytes).digest('hex')}, ${f.removed}, ${Buffer.from(f.bytes)})
      returning id`
    ids.push({ id: row!.id, name: f.name })
  }
  return ids
}
