import { describe, expect, it } from 'vitest'
import { nyinflyttad } from '#forms/nyinflyttad/index.ts'
import { documentLocale, fanOut, t, type Locale } from '#forms/kit/index.ts'
import { decisionWordsOf, renderDecisionLetter } from '../pdf/decision.server.ts'
import { pdfText } from '../pdf/poppler.testing.ts'
import { subCaseDefinition } from './sub-cases.server.ts'

const municipality = { name: 'Exempelby kommun', address: 'Storgatan 1, 123 45 Exempelby', phone: '0123-45 67 89', email: 'kommun@exempelby.se' }
const oneLine = (s: string) => s.replace(/\s+/g, ' ')

/** The decision letter of one nyinflyttad sub-case, made from its filed definition as a decision freezes it. */
async function letterOf(service: string, decision: 'approved' | 'denied', locale: Locale = 'sv'): Promise<string> {
  const [sub] = fanOut(nyinflyttad, { services: [service] })
  const def = subCaseDefinition(nyinflyttad, sub!)
  const bytes = await renderDecisionLetter({
    locale: documentLocale(locale), municipality, formTitle: t(def.title, locale), ...decisionWordsOf(def), caseNumber: 'NY-2026-000007',
    receivedAt: new Date('2026-12-01T09:00:00Z'), decidedAt: new Date('2026-12-06T09:00:00Z'), decidedBy: 'Anna Andersson',
    applicant: null, decision, reasons: 'Du har beställt det här.', appealable: def.decision!.appealable,
  })
  return oneLine(pdfText(bytes))
}

describe('a nyinflyttad sub-case’s decision letter', () => {
  it('names the part that was ordered, as an order rather than an application', async () => {
    const text = await letterOf('library', 'approved')
    expect(text).toContain('Ny i kommunen: Lånekort')
    expect(text).toContain('Din beställning av ett lånekort godkänns.')
    expect(text).not.toContain('ansökan')
  })

  it('gives each part its own words, refusals too', async () => {
    expect(await letterOf('waste', 'denied')).toContain('Din beställning av ett abonnemang för sophämtning kan inte godkännas.')
    expect(await letterOf('preschool', 'approved')).toContain('Din beställning av information om förskola och fritidshem godkänns.')
  })

  it('says what the decision rests on and why it cannot be appealed, in English too', async () => {
    const sv = await letterOf('welcome', 'approved')
    expect(sv).toContain('Vad beslutet grundar sig på Kommunen ger den här servicen till alla som flyttar hit.')
    expect(sv).toContain('Kan beslutet överklagas? Beslutet gäller en service som kommunen ger frivilligt och kan inte överklagas.')
    const en = await letterOf('welcome', 'approved', 'en')
    expect(en).toContain('New in the municipality: Welcome pack')
    expect(en).toContain('Your request for a welcome pack is approved.')
    expect(en).not.toContain('application')
  })
})
