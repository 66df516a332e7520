export type StripResult = {
  bytes: Uint8Array
  /** Which kinds of metadata were taken out (each named once), e.g. ["Exif", "XMP"]; empty when the file is unchanged. */
  removed: string[]
}

/** The result for a file with nothing to remove: the very same bytes, not a copy. */
export const unchanged = (bytes: Uint8Array): StripResult => ({ bytes, removed: [] })
