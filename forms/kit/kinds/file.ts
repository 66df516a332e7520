import * as z from 'zod/mini'
import { message, pick, requiredFrom } from '../messages.ts'
import type { FileField, FileRef, Locale } from '../types.ts'
import { checkWith, oneInput, preprocess, type Kind } from './kind.ts'
import { humanSize, typeList } from './file-types.ts'

const FILE = {
  required: { sv: 'Ingen fil är bifogad. Välj en fil att bifoga', en: 'No file is attached. Choose a file to attach' },
  wrongType: { sv: 'Filen {name} har fel filtyp. Välj en fil av typen {types}', en: 'The file {name} is the wrong type. Choose a {types} file' },
  tooLarge: { sv: 'Filen {name} är för stor. Den får vara högst {max} MB', en: 'The file {name} is too large. It must be {max} MB or smaller' },
  empty: { sv: 'Filen {name} är tom. Välj en annan fil', en: 'The file {name} is empty. Choose another file' },
  tooManyPixels: {
    sv: 'Bilden {name} är för stor för att tas emot. Ta en ny bild med mobilen eller gör bilden mindre och försök igen',
    en: 'The picture {name} is too big to be received. Take a new picture with your phone, or make it smaller, and try again',
  },
  unreadable: {
    sv: 'Filen {name} går inte att öppna som bild. Den kan vara skadad. Välj en annan bild',
    en: 'The file {name} cannot be opened as a picture. It may be damaged. Choose another picture',
  },
  tooMany: { sv: 'Du kan bifoga högst {max} filer. Ta bort någon av dem', en: 'You can attach at most {max} files. Remove one of them' },
}

/**
 * Checks one file against the field's rules. The server passes the type detected from the bytes; the
 * browser passes its own guess first, so the citizen hears early, but only the server's answer counts.
 */
export function checkFile(field: FileField, file: { name: string; size: number; mime: string }, locale: Locale): string | null {
  if (!field.accept.includes(file.mime))
    return message(field, 'wrongType', locale, FILE.wrongType, { name: file.name, types: typeList(field, locale) })
  if (file.size > field.maxSizeMb * 1024 * 1024)
    return message(field, 'tooLarge', locale, FILE.tooLarge, { name: file.name, max: field.maxSizeMb })
  if (file.size === 0)
    return message(field, 'empty', locale, FILE.empty, { name: file.name })
  return null
}

/** A photo the server could not decode (damaged, or not a picture at all), or one with more pixels than any camera takes. */
export function unreadableImageMessage(field: FileField, name: string, reason: 'unreadable' | 'too-many-pixels', locale: Locale): string {
  return reason === 'too-many-pixels'
    ? message(field, 'tooManyPixels', locale, FILE.tooManyPixels, { name })
    : message(field, 'unreadable', locale, FILE.unreadable, { name })
}

export function tooManyMessage(field: FileField, locale: Locale): string {
  return message(field, 'tooMany', locale, FILE.tooMany, { max: field.maxFiles })
}

const refSchema = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() })
const toRefs = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

export const file: Kind<FileField> = {
  schema: (field, ctx) =>
    preprocess(toRefs, z.array(refSchema).check(checkWith<FileRef[]>((refs, zctx) => {
      if (refs.length > field.maxFiles) zctx.addIssue({ message: tooManyMessage(field, ctx.locale) })
      if (field.minFiles && refs.length < field.minFiles)
        zctx.addIssue({ message: file.requiredMessage(field, ctx.locale) })
      for (const ref of refs) {
        const problem = checkFile(field, ref, ctx.locale)
        if (problem) zctx.addIssue({ message: problem })
      }
    }))),
  isEmpty: (v) => toRefs(v).length === 0,
  format: (v, _f, locale) => {
    const refs = toRefs(v) as FileRef[]
    return refs.length ? refs.map((r) => `${r.name} (${humanSize(r.size, locale)})`).join('\n') : ''
  },
  inputNames: oneInput,
  requiredMessage: requiredFrom(FILE),
  messages: (f) => pick(FILE, { tooMany: f.maxFiles > 1, tooManyPixels: f.accept.some(isPhoto), unreadable: f.accept.some(isPhoto) }),
}

const isPhoto = (mime: string) => mime.startsWith('image/')
