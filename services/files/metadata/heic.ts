import { ascii, copyOf, cString, malformed, viewOf } from './bytes.ts'
import { unchanged, type StripResult } from './types.ts'

type Box = { type: string; start: number; end: number } // start: first byte after the box header

/** Reads big-endian numbers and refuses to read past `end` (the enclosing box). */
class Cursor {
  private readonly v: DataView
  constructor(private readonly b: Uint8Array, public pos: number, private readonly end: number) {
    this.v = viewOf(b)
  }
  private take(n: number): number {
    if (this.pos + n > this.end) malformed(`read past the end of a box at ${this.pos}`)
    const at = this.pos
    this.pos += n
    return at
  }
  u8(): number {
    return this.v.getUint8(this.take(1))
  }
  u16(): number {
    return this.v.getUint16(this.take(2))
  }
  u32(): number {
    return this.v.getUint32(this.take(4))
  }
  /** An unsigned field of 0, 4 or 8 bytes, as iloc declares them. */
  uint(size: number): number {
    if (size === 0) return 0
    if (size === 4) return this.u32()
    if (size === 8) {
      const high = this.u32()
      const low = this.u32()
      if (high > 0x1fffff) malformed('64-bit value beyond safe integers')
      return high * 2 ** 32 + low
    }
    return malformed(`field size ${size}`)
  }
  fourcc(): string {
    return ascii(this.b, this.take(4), 4)
  }
}

function boxes(b: Uint8Array, from: number, to: number): Box[] {
  const v = viewOf(b)
  const found: Box[] = []
  let pos = from
  while (pos < to) {
    if (pos + 8 > to) malformed(`box header at ${pos} runs past its parent`)
    let size = v.getUint32(pos)
    const type = ascii(b, pos + 4, 4)
    let start = pos + 8
    if (size === 1) {
      size = new Cursor(b, pos + 8, to).uint(8)
      start += 8
    } else if (size === 0) {
      size = to - pos // runs to the end of the file
    }
    const end = pos + size
    if (end < start || end > to) malformed(`box ${type} at ${pos} overruns its parent`)
    found.push({ type, start, end })
    pos = end
  }
  return found
}

/** Major and compatible brands of a leading ftyp box; [] when there is none. Never throws. */
export function ftypBrands(b: Uint8Array): string[] {
  if (b.length < 16 || ascii(b, 4, 4) !== 'ftyp') return []
  const end = Math.min(viewOf(b).getUint32(0), b.length)
  const brands = [ascii(b, 8, 4)]
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(b, at, 4))
  return brands
}

/** Item IDs of the Exif and XMP items listed in iinf, with the label to report. */
function metadataItems(b: Uint8Array, iinf: Box): Map<number, string> {
  const items = new Map<number, string>()
  const head = new Cursor(b, iinf.start, iinf.end)
  const version = head.u8()
  head.pos += 3 // flags
  if (version === 0) head.u16()
  else head.u32() // entry count; the child boxes themselves are the list
  for (const infe of boxes(b, head.pos, iinf.end)) {
    if (infe.type !== 'infe') continue
    const c = new Cursor(b, infe.start, infe.end)
    const infeVersion = c.u8()
    c.pos += 3
    if (infeVersion < 2) continue // versions 0 and 1 have no item type, so cannot mark Exif
    const id = infeVersion === 2 ? c.u16() : c.u32()
    c.u16() // protection index
    const type = c.fourcc()
    if (type === 'Exif') items.set(id, 'Exif')
    if (type !== 'mime') continue
    const name = cString(b, c.pos, infe.end)
    const contentType = cString(b, c.pos + name.length + 1, infe.end)
    if (/^\s*application\/rdf\+xml\b/i.test(contentType)) items.set(id, 'XMP')
  }
  return items
}

type Range = { start: number; end: number; label: string }

/** Where the bytes of the wanted items are, per iloc. */
function itemRanges(b: Uint8Array, iloc: Box, idat: Box | undefined, wanted: Map<number, string>): Range[] {
  const c = new Cursor(b, iloc.start, iloc.end)
  const version = c.u8()
  c.pos += 3
  if (version > 2) malformed(`iloc version ${version}`)
  const sizes = c.u8()
  const offsetSize = sizes >> 4
  const lengthSize = sizes & 0x0f
  const moreSizes = c.u8()
  const baseOffsetSize = moreSizes >> 4
  const indexSize = version === 0 ? 0 : moreSizes & 0x0f // reserved in version 0
  const count = version < 2 ? c.u16() : c.u32()
  const ranges: Range[] = []
  for (let i = 0; i < count; i++) {
    const id = version < 2 ? c.u16() : c.u32()
    const method = version === 0 ? 0 : c.u16() & 0x0f
    const dataReference = c.u16()
    const base = c.uint(baseOffsetSize)
    const extents = c.u16()
    for (let e = 0; e < extents; e++) {
      c.uint(indexSize)
      const offset = c.uint(offsetSize)
      const length = c.uint(lengthSize)
      const label = wanted.get(id)
      if (label === undefined || dataReference !== 0) continue // not ours, or the data is in another file
      if (length === 0) malformed(`item ${id} has an open-ended extent`)
      if (method === 0) ranges.push({ start: base + offset, end: base + offset + length, label })
      else if (method === 1 && idat) ranges.push({ start: idat.start + base + offset, end: idat.start + base + offset + length, label })
      else malformed(`item ${id} uses construction method ${method}`)
    }
  }
  return ranges
}

/**
 * HEIC/HEIF/AVIF: overwrites the payload of the Exif item and of XMP items (mime items of type
 * application/rdf+xml) with zeros in place. Nothing moves, so every offset in iloc stays right and the
 * images are untouched; readers find an Exif item they cannot parse and skip it. Only a top-level meta
 * box is read (what still images use); a metadata item stored outside mdat/idat is treated as
 * malformed rather than zeroing bytes that may belong to the structure.
 */
export function stripIsobmff(bytes: Uint8Array): StripResult {
  const top = boxes(bytes, 0, bytes.length)
  if (top[0]?.type !== 'ftyp') malformed('no leading ftyp box')
  const meta = top.find((box) => box.type === 'meta')
  if (!meta) return unchanged(bytes)
  const children = boxes(bytes, meta.start + 4, meta.end) // meta is a full box: skip version and flags
  const iinf = children.find((box) => box.type === 'iinf')
  const iloc = children.find((box) => box.type === 'iloc')
  if (!iinf || !iloc) return unchanged(bytes)
  const wanted = metadataItems(bytes, iinf)
  if (wanted.size === 0) return unchanged(bytes)

  const idat = children.find((box) => box.type === 'idat')
  const dataBoxes = [...top.filter((box) => box.type === 'mdat'), ...(idat ? [idat] : [])]
  const ranges = itemRanges(bytes, iloc, idat, wanted)
  for (const r of ranges) {
    if (!dataBoxes.some((box) => r.start >= box.start && r.end <= box.end)) malformed(`${r.label} item outside mdat/idat`)
  }
  // Items zeroed by an earlier pass hold nothing any more and are not reported again.
  const filled = ranges.filter((r) => bytes.subarray(r.start, r.end).some((x) => x !== 0))
  if (filled.length === 0) return unchanged(bytes)

  const out = copyOf(bytes)
  for (const r of filled) out.fill(0, r.start, r.end)
  return { bytes: out, removed: [...new Set(filled.map((r) => r.label))] }
}
