/**
 * Small images assembled byte by byte for the tests (no binary fixtures in the repository). Each one
 * carries a GPS position in its metadata and is built from named parts, so a test can say exactly which
 * bytes must survive stripping.
 */
import { crc32, deflateSync } from 'node:zlib'
import { concat } from './bytes.ts'

const text = (s: string) => new TextEncoder().encode(s)
const u16be = (n: number) => [n >> 8, n & 0xff]
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]
const u32le = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]

/** Where the test photos were "taken": Stockholm City Hall. */
export const GPS = { latitude: 59 + 19 / 60 + 46.2 / 3600, longitude: 18 + 4 / 60 + 7.8 / 3600 }

/**
 * A little-endian TIFF/Exif block: IFD0 with Make, Orientation and a pointer to a GPS IFD holding
 * latitude N 59°19'46.2" and longitude E 18°4'7.8".
 */
export function exifTiff(orientation = 6): Uint8Array {
  const b = new Uint8Array(200)
  const v = new DataView(b.buffer)
  const entry = (pos: number, tag: number, type: number, count: number, value: number) => {
    v.setUint16(pos, tag, true)
    v.setUint16(pos + 2, type, true)
    v.setUint32(pos + 4, count, true)
    if (type === 3) v.setUint16(pos + 8, value, true)
    else v.setUint32(pos + 8, value, true)
  }
  const ASCII = 2, SHORT = 3, LONG = 4, RATIONAL = 5
  b.set([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00])
  const ifd0 = 8
  const make = ifd0 + 2 + 3 * 12 + 4 // 50
  const gpsIfd = make + 12 // "Testkamera\0" padded to an even offset
  const lat = gpsIfd + 2 + 4 * 12 + 4
  const lon = lat + 24
  v.setUint16(ifd0, 3, true)
  entry(ifd0 + 2, 0x010f, ASCII, 11, make)
  entry(ifd0 + 14, 0x0112, SHORT, 1, orientation)
  entry(ifd0 + 26, 0x8825, LONG, 1, gpsIfd)
  b.set(text('Testkamera\0'), make)
  v.setUint16(gpsIfd, 4, true)
  entry(gpsIfd + 2, 0x0001, ASCII, 2, 0)
  b.set(text('N\0'), gpsIfd + 2 + 8)
  entry(gpsIfd + 14, 0x0002, RATIONAL, 3, lat)
  entry(gpsIfd + 26, 0x0003, ASCII, 2, 0)
  b.set(text('E\0'), gpsIfd + 26 + 8)
  entry(gpsIfd + 38, 0x0004, RATIONAL, 3, lon)
  let at = lat
  for (const [n, d] of [[59, 1], [19, 1], [462, 10], [18, 1], [4, 1], [78, 10]] as const) {
    v.setUint32(at, n, true)
    v.setUint32(at + 4, d, true)
    at += 8
  }
  return b.slice(0, at)
}

export const XMP_PACKET = text(
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="59,19.77N" ' +
    'exif:GPSLongitude="18,4.13E"/></rdf:RDF></x:xmpmeta>',
)

// ---------------------------------------------------------------- JPEG

const segment = (marker: number, payload: ArrayLike<number>) =>
  Uint8Array.from([0xff, marker, ...u16be(payload.length + 2), ...Array.from(payload)])

/**
 * A 40×8 greyscale baseline JPEG (five 8×8 blocks) that libjpeg-turbo decodes without warnings to
 * grey, grey, grey, lighter grey | grey. Its entropy-coded data holds a stuffed 0xFF 0x00 and a restart
 * marker, so the scanner has to tell both from real markers.
 */
export function jpegParts(orientation = 6) {
  return {
    soi: Uint8Array.from([0xff, 0xd8]),
    jfif: segment(0xe0, [...text('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    exif: segment(0xe1, [...text('Exif\0\0'), ...exifTiff(orientation)]),
    xmp: segment(0xe1, [...text('http://ns.adobe.com/xap/1.0/\0'), ...XMP_PACKET]),
    icc: segment(0xe2, [...text('ICC_PROFILE\0'), 1, 1, ...new Array<number>(16).fill(0x42)]),
    iptc: segment(0xed, [...text('Photoshop 3.0\x008BIM'), 0x04, 0x04, 0, 0, 0, 0, 0, 5, 0x1c, 0x02, 0x5a, 0, 1]),
    comment: segment(0xfe, text('made by hand')),
    dqt: segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    sof: segment(0xc0, [8, ...u16be(8), ...u16be(40), 1, 1, 0x11, 0]),
    dri: segment(0xdd, u16be(4)), // restart after four blocks
    // DC: "0" → difference 0, "10" → 8-bit difference. AC: "0" → end of block.
    dhtDc: segment(0xc4, [0x00, 1, 1, ...new Array<number>(14).fill(0), 0x00, 0x08]),
    dhtAc: segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]),
    sos: segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    // Blocks 1–3 "00" each, block 4 "10" = 0x02; block 4's difference 11111111 (+255) = 0xFF, stuffed;
    // its end of block "0" + padding = 0x7F. Restart 0. Block 5 "00" + padding = 0x3F.
    scan: Uint8Array.from([0x02, 0xff, 0x00, 0x7f, 0xff, 0xd0, 0x3f]),
    eoi: Uint8Array.from([0xff, 0xd9]),
  }
}

export function jpeg(parts = jpegParts()): Uint8Array {
  return concat(Object.values(parts))
}

// ---------------------------------------------------------------- PNG

export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const body = concat([text(type), data])
  return concat([Uint8Array.from(u32be(data.length)), body, Uint8Array.from(u32be(crc32(body)))])
}

/** A 1×1 RGB PNG with eXIf (GPS), tEXt, zTXt and iTXt (XMP) chunks. */
export function pngParts() {
  return {
    signature: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ihdr: pngChunk('IHDR', Uint8Array.from([...u32be(1), ...u32be(1), 8, 2, 0, 0, 0])),
    exif: pngChunk('eXIf', exifTiff()),
    text: pngChunk('tEXt', text('Author\0Anna Andersson')),
    ztxt: pngChunk('zTXt', concat([text('Comment\0\0'), deflateSync(text('Storgatan 1, Sundsvall'))])),
    itxt: pngChunk('iTXt', concat([text('XML:com.adobe.xmp\0\0\0\0\0'), XMP_PACKET])),
    idat: pngChunk('IDAT', deflateSync(Uint8Array.from([0, 0xc0, 0x30, 0x20]))),
    iend: pngChunk('IEND', new Uint8Array(0)),
  }
}

export function png(parts = pngParts()): Uint8Array {
  return concat(Object.values(parts))
}

// ---------------------------------------------------------------- WebP

export function riffChunk(fourcc: string, data: Uint8Array): Uint8Array {
  const pad = data.length % 2 ? [0] : []
  return concat([text(fourcc), Uint8Array.from(u32le(data.length)), data, Uint8Array.from(pad)])
}

/** A 1×1 lossless WebP (VP8X + VP8L, which has an alpha channel) with EXIF (GPS) and XMP chunks, flagged in VP8X. */
export function webpParts() {
  return {
    vp8x: riffChunk('VP8X', Uint8Array.from([0x10 | 0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
    // One opaque pixel; the bitstream is the one Modernizr uses to test for lossless WebP support.
    vp8l: riffChunk('VP8L', Uint8Array.from([0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07])),
    exif: riffChunk('EXIF', exifTiff()),
    xmp: riffChunk('XMP ', XMP_PACKET),
  }
}

export function webp(chunks: Uint8Array[] = Object.values(webpParts())): Uint8Array {
  const body = concat(chunks)
  return concat([text('RIFF'), Uint8Array.from(u32le(body.length + 4)), text('WEBP'), body])
}

// ---------------------------------------------------------------- HEIC (ISOBMFF)

const box = (type: string, ...content: ArrayLike<number>[]) => {
  const body = concat(content.map((c) => Uint8Array.from(c)))
  return concat([Uint8Array.from(u32be(body.length + 8)), text(type), body])
}
const fullBox = (type: string, version: number, ...content: ArrayLike<number>[]) =>
  box(type, [version, 0, 0, 0], ...content)

export type HeicOptions = {
  brands?: [major: string, ...compatible: string[]]
  ilocVersion?: 0 | 1 | 2
  infeVersion?: 2 | 3
  /** Store the Exif item in the meta box's idat (construction method 1) instead of mdat. */
  exifInIdat?: boolean
  /** Use iloc base offsets: each item's base is the start of mdat, its extent offset relative to it. */
  baseOffsets?: boolean
}

/**
 * A HEIC-shaped file: ftyp, meta (hdlr, pitm, iinf, iloc, maybe idat) and mdat holding a stand-in for
 * the coded image, the Exif item (4-byte TIFF header offset, "Exif\0\0", TIFF) and an XMP item. The
 * "image" is not decodable HEVC; the tests only need the structure. Returns where each item landed.
 */
export function heic(options: HeicOptions = {}) {
  const { brands = ['heic', 'mif1', 'heic'], ilocVersion = 1, infeVersion = 2, exifInIdat = false, baseOffsets = false } = options
  const image = Uint8Array.from({ length: 40 }, (_, i) => (i * 37 + 11) & 0xff)
  const exif = concat([Uint8Array.from(u32be(6)), text('Exif\0\0'), exifTiff()])
  const xmp = XMP_PACKET

  const id = (n: number) => (infeVersion === 2 ? u16be(n) : u32be(n))
  const infe = (n: number, type: string, extra: string) => fullBox('infe', infeVersion, id(n), [0, 0], text(type), text(extra))
  const iinf = fullBox('iinf', 0, u16be(3), infe(1, 'hvc1', '\0'), infe(2, 'Exif', '\0'), infe(3, 'mime', 'XMP\0application/rdf+xml\0'))

  const build = (mdatStart: number) => {
    const itemId = (n: number) => (ilocVersion === 2 ? u32be(n) : u16be(n))
    const item = (n: number, method: number, base: number, offset: number, length: number) => [
      ...itemId(n),
      ...(ilocVersion === 0 ? [] : u16be(method)),
      ...u16be(0), // data reference: this file
      ...(baseOffsets ? u32be(base) : []),
      ...u16be(1),
      ...u32be(offset),
      ...u32be(length),
    ]
    const dataStart = mdatStart + 8
    // [base offset, extent offset] of a place in mdat.
    const at = (offsetInMdat: number): [number, number] =>
      baseOffsets ? [dataStart, offsetInMdat] : [0, dataStart + offsetInMdat]
    const [imageBase, imageOffset] = at(0)
    const [xmpBase, xmpOffset] = at(image.length + (exifInIdat ? 0 : exif.length))
    const [exifBase, exifOffset] = exifInIdat ? [0, 0] : at(image.length) // idat: from the start of its data
    const iloc = fullBox(
      'iloc',
      ilocVersion,
      [0x44, baseOffsets ? 0x40 : 0x00],
      ilocVersion === 2 ? u32be(3) : u16be(3),
      item(1, 0, imageBase, imageOffset, image.length),
      item(2, exifInIdat ? 1 : 0, exifBase, exifOffset, exif.length),
      item(3, 0, xmpBase, xmpOffset, xmp.length),
    )
    const hdlr = fullBox('hdlr', 0, u32be(0), text('pict'), new Array<number>(12).fill(0), [0])
    const pitm = fullBox('pitm', 0, u16be(1))
    const idat = exifInIdat ? [box('idat', exif)] : []
    const ftyp = box('ftyp', text(brands[0]), u32be(0), ...brands.slice(1).map(text))
    const meta = fullBox('meta', 0, hdlr, pitm, iinf, iloc, ...idat)
    const mdat = box('mdat', image, exifInIdat ? [] : exif, xmp)
    return { ftyp, meta, mdat, bytes: concat([ftyp, meta, mdat]) }
  }

  // The layout does not depend on the offsets, so build once to measure and again with real offsets.
  const draft = build(0)
  const mdatStart = draft.ftyp.length + draft.meta.length
  const file = build(mdatStart)
  const dataStart = mdatStart + 8
  const exifStart = exifInIdat ? indexOf(file.bytes, exif) : dataStart + image.length
  const xmpStart = dataStart + image.length + (exifInIdat ? 0 : exif.length)
  return {
    bytes: file.bytes,
    image: { start: dataStart, end: dataStart + image.length },
    exif: { start: exifStart, end: exifStart + exif.length },
    xmp: { start: xmpStart, end: xmpStart + xmp.length },
  }
}

export function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

/** A deterministic pseudo-random generator (mulberry32), so a failing fuzz case can be replayed. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
