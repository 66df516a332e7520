import { createHash } from 'node:crypto'
import { checkFile, tooManyMessage, type Locale } from '../../forms/kit/index.ts'
import type { Tx } from '../db/sql.server.ts'
import { detectType, safeFileName, stripMetadata } from '../files/inspect.server.ts'
import { SUPPLEMENT_FILES, SUPPLEMENT_TEXT_MAX } from './supplement-files.ts'

/** A file the citizen sent with an answer or a message, checked and ready to store. */
export type CheckedFile = { name: string; mime: string; bytes: Uint8Array; removed: string[] }

export type TextAndFiles = { ok: true; text: string; files: CheckedFile[] } | { ok: false; errors: { text?: string; files?: string } }

/**
 * What the citizen writes on Mina sidor — a supplement answer or a message — with its files: some text or
 * a file is needed, the text has a limit, and the files are checked by their bytes (SUPPLEMENT_FILES) and
 * lose location metadata. Messages in the citizen's language.
 */
export async function checkTextAndFiles(rawText: string, rawFiles: File[], locale: Locale, empty: { sv: string; en: string }): Promise<TextAndFiles> {
  const en = locale === 'en'
  const text = rawText.replace(/\r\n/g, '\n').trim()
  const errors: { text?: string; files?: string } = {}
  const files = rawFiles.filter((f) => f.size > 0)
  if (!text && files.length === 0) errors.text = en ? empty.en : empty.sv
  if (text.length > SUPPLEMENT_TEXT_MAX) errors.text = en ? `The text must be ${SUPPLEMENT_TEXT_MAX} characters or fewer` : `Texten får ha högst ${SUPPLEMENT_TEXT_MAX} tecken`
  if (files.length > SUPPLEMENT_FILES.maxFiles) errors.files = tooManyMessage(SUPPLEMENT_FILES, locale)
  const checked: CheckedFile[] = []
  for (const file of errors.files ? [] : files) {
    const name = safeFileName(file.name)
    const early = checkFile(SUPPLEMENT_FILES, { name, size: file.size, mime: SUPPLEMENT_FILES.accept[0]! }, locale)
    if (early) { errors.files ??= early; continue }
    const raw = new Uint8Array(await file.arrayBuffer())
    const type = await detectType(raw)
    const problem = checkFile(SUPPLEMENT_FILES, { name, size: raw.byteLength, mime: type?.mime ?? 'application/octet-stream' }, locale)
    if (problem || !type) { errors.files ??= problem ?? undefined; continue }
    const { bytes, removed } = stripMetadata(raw, type.mime)
    checked.push({ name, mime: type.mime, bytes, removed })
  }
  return errors.text || errors.files ? { ok: false, errors } : { ok: true, text, files: checked }
}

/** Stores checked files with the case under `fieldId` (`supplement:<seq>`, `message:<seq>`), in the event's transaction. */
export async function storeCaseFiles(tx: Tx, caseId: string, fieldId: string, files: CheckedFile[]): Promise<{ id: string; name: string }[]> {
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
