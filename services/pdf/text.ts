/** Width in points of a string in the font and size the caller is wrapping for. */
export type Measure = (text: string) => number

// Control characters and direction marks have no glyph and would be drawn as boxes; soft hyphens would be
// drawn as real hyphens.
const INVISIBLE = /(?!\n)\p{Cc}|[\u00AD\u200B\u200E\u200F\uFEFF]/gu

/** Normalises user-typed text before it reaches the PDF: NFC so "a" + combining ring becomes one glyph. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, '')
    .trim()
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

// Breaks between graphemes so a word longer than the line (a URL, a pasted hash) never runs off the page.
function breakWord(word: string, maxWidth: number, measure: Measure): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const { segment } of graphemes.segment(word)) {
    if (piece && measure(piece + segment) > maxWidth) {
      pieces.push(piece)
      piece = segment
    } else {
      piece += segment
    }
  }
  pieces.push(piece)
  return pieces
}

/**
 * Greedy word wrap. Newlines in the text are kept as line breaks (blank lines included); runs of spaces
 * collapse. Only U+0020 breaks, so a no-break space (as in "1 200 kr" from Intl) keeps its parts together.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = []
  for (const paragraph of cleanText(text).split('\n')) {
    let line = ''
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (measure(candidate) <= maxWidth) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      if (measure(word) <= maxWidth) {
        line = word
        continue
      }
      const pieces = breakWord(word, maxWidth, measure)
      line = pieces.pop() ?? ''
      lines.push(...pieces)
    }
    lines.push(line)
  }
  return lines
}
