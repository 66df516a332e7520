import { describe, expect, it } from 'vitest'
import { foreningsbidrag } from '#forms/foreningsbidrag/index.ts'
import { parkeringstillstand } from '#forms/parkeringstillstand/index.ts'
import { trygghetslarm } from '#forms/trygghetslarm/index.ts'
import { t } from '#forms/kit/index.ts'
import { renderDecisionLetter, type DecisionLetterInput } from './decision.server.ts'
import { supplementContent } from './letter-content.ts'
import { combineLetters, renderLetter } from './letter.server.ts'
import { pdfInfo, pdfText, pdfWords } from './poppler.testing.ts'

const MM = 72 / 25.4
const municipality = { name: 'Exempelby kommun', address: 'Storgatan 1, 123 45 Exempelby', phone: '0123-45 67 89', email: 'kommun@exempelby.se' }
const recipient = { name: 'Greta Persson', street: 'Björkvägen 12', postcode: '135 40', city: 'Tyresö' }
const oneLine = (s: string) => s.replace(/\s+/g, ' ')

const supplementLetter = () => renderLetter({
  content: supplementContent({
    locale: 'sv', municipality, formTitle: 'Ansök om trygghetslarm', caseNumber: 'LARM-2026-000042',
    items: ['Nycklar: Hur ska personalen komma in?'], message: 'Vi behöver veta hur personalen kommer in i bostaden.', dueDate: '20 december 2026',
  }),
  municipality, recipient, caseNumber: 'LARM-2026-000042', date: '6 december 2026', createdAt: new Date('2026-12-06T09:00:00Z'),
})

describe('a letter for a window envelope', () => {
  it('puts the recipient’s name and postal address in the window, 20 mm from the left and 45–85 mm from the top', async () => {
    const words = pdfWords(await supplementLetter()).filter((w) => w.page === 1)
    const block = ['Greta', 'Björkvägen', '135', 'TYRESÖ'].map((text) => words.find((w) => w.text === text)!)
    for (const w of block) {
      expect(w, 'each address line is on the first page').toBeDefined()
      expect(w.yMin).toBeGreaterThanOrEqual(45 * MM)
      expect(w.yMax).toBeLessThanOrEqual(85 * MM)
    }
    // Name, street and postcode line start at the field's left edge, one under the other.
    for (const w of block.slice(0, 3)) expect(Math.abs(w.xMin - 20 * MM)).toBeLessThan(1)
    expect(block[0]!.yMin).toBeLessThan(block[1]!.yMin)
    expect(block[1]!.yMin).toBeLessThan(block[2]!.yMin)
    // Nothing else is drawn in the window but the return address: the date sits to its right, the text below it.
    const inWindow = words.filter((w) => w.xMin < 110 * MM && w.yMin >= 45 * MM && w.yMax <= 85 * MM).map((w) => w.text).join(' ')
    expect(inWindow).toBe('Avs. Exempelby kommun, Storgatan 1, 123 45 Exempelby Greta Persson Björkvägen 12 135 40 TYRESÖ')
    const body = words.find((w) => w.text === 'behöver')!
    expect(body.yMin).toBeGreaterThan(90 * MM)
  })

  it('carries the municipality, its address and contact, the date, the case number and what is asked', async () => {
    const text = oneLine(pdfText(await supplementLetter()))
    for (const expected of [
      'Exempelby kommun', 'Storgatan 1, 123 45 Exempelby', '0123-45 67 89', 'kommun@exempelby.se', 'Datum', '6 december 2026',
      'Ärendenummer', 'LARM-2026-000042', 'Begäran om komplettering', 'Nycklar: Hur ska personalen komma in?',
      'Vi behöver veta hur personalen kommer in i bostaden.', 'Skicka kompletteringen senast 20 december 2026.',
    ]) expect(text).toContain(expected)
  })

  it('joins several letters into one PDF for double-sided printing: each starts on the front of a sheet', async () => {
    // Letters of one, two and three pages (the longer ones ask for more), each with its own case number.
    const letter = (n: number, items: number) => renderLetter({
      content: supplementContent({
        locale: 'sv', municipality, formTitle: 'Ansök om trygghetslarm', caseNumber: `LARM-2026-00000${n}`,
        items: Array.from({ length: items }, (_, i) => `Fråga ${i + 1}: Beskriv hur personalen kommer in i bostaden och vem som har nycklar.`),
        message: 'Vi behöver veta mer.', dueDate: '20 december 2026',
      }),
      municipality, recipient: { ...recipient, name: `Mottagare ${n}` }, caseNumber: `LARM-2026-00000${n}`, date: '6 december 2026', createdAt: new Date('2026-12-06T09:00:00Z'),
    })
    const letters = [await letter(1, 1), await letter(2, 40), await letter(3, 70), await letter(4, 1)]
    const pages = letters.map((l) => Number(pdfInfo(l).Pages))
    expect(pages).toEqual([1, 2, 3, 1])

    const combined = await combineLetters(letters, 'Brev att skicka med post')
    // 1 + blank, 2, 3 + blank, 1 + blank.
    expect(Number(pdfInfo(combined).Pages)).toBe(10)
    const firstPages = [1, 3, 5, 9]
    firstPages.forEach((page, i) => {
      const text = oneLine(pdfText(combined, page))
      expect(text, `letter ${i + 1} starts on page ${page}`).toContain(`Mottagare ${i + 1} Björkvägen 12`)
      expect(text).toContain(`LARM-2026-00000${i + 1}`)
    })
    for (const blank of [2, 8, 10]) expect(pdfText(combined, blank).trim(), `page ${blank} is blank`).toBe('')
  })
})

const decisionOf = (def: typeof trygghetslarm | typeof parkeringstillstand | typeof foreningsbidrag, decision: 'approved' | 'denied'): DecisionLetterInput => ({
  locale: 'sv', municipality, formTitle: t(def.title, 'sv'), matter: def.decision.matter, legalGround: def.decision.legalGround,
  appealRoute: def.decision.appealRoute, caseNumber: 'X-2026-000001', receivedAt: new Date('2026-12-01T09:00:00Z'),
  decidedAt: new Date('2026-12-06T09:00:00Z'), decidedBy: 'Anna Andersson', applicant: { name: 'Greta Persson' }, decision,
  reasons: 'Du uppfyller villkoren.', appealable: def.decision.appealable,
})

describe('the decision letter reads naturally and says what it rests on', () => {
  it('grants a trygghetslarm in plain words, names the law, and says how else to get help since it cannot be appealed', async () => {
    const text = oneLine(pdfText(await renderDecisionLetter(decisionOf(trygghetslarm, 'approved'))))
    expect(text).toContain('Din ansökan om trygghetslarm beviljas.')
    expect(text).not.toMatch(/ansökan om ansök/i)
    expect(text).toContain('4 kap. 2 a § socialtjänstlagen')
    expect(text).toContain('kan inte överklagas')
    expect(text).toContain('förvaltningsrätten')
  })

  it('refuses a parking permit with the traffic ordinance and the appeal to länsstyrelsen', async () => {
    const text = oneLine(pdfText(await renderDecisionLetter(decisionOf(parkeringstillstand, 'denied'))))
    expect(text).toContain('Din ansökan om parkeringstillstånd för rörelsehindrade avslås.')
    expect(text).toContain('13 kap. 8 § trafikförordningen')
    expect(text).toContain('Så överklagar du')
    expect(text).toContain('Länsstyrelsen prövar överklagandet.')
  })

  it('explains laglighetsprövning for an association grant, and with a recipient is laid out for posting', async () => {
    const text = oneLine(pdfText(await renderDecisionLetter(decisionOf(foreningsbidrag, 'approved'), { ...recipient, name: 'Tyresö IF' })))
    expect(text).toContain('Din ansökan om föreningsbidrag beviljas.')
    expect(text).toContain('laglighetsprövning')
    expect(text).toContain('Tyresö IF Björkvägen 12 135 40 TYRESÖ')
  })
})
