import { describe, expect, it } from 'vitest'
import { provansokan } from '#forms/testing/provansokan.ts'
import { trygghetslarm } from '#forms/trygghetslarm/index.ts'
import { answersFor, SEVENTY } from '#tests/trygghetslarm-case.ts'
import { escapeMarkdown, formatPersonnummer, MAX_VISIBLE_CHARS, previewLines, signingText } from './visible-text.ts'

const person = { personnummer: '198606129933', name: 'Johan Testsson' }

describe('the text shown in the BankID app', () => {
  it('names the e-service, the applicant, the answers and the attachments, in the citizen’s language', () => {
    const text = signingText({ def: provansokan, answers: { subject: 'Ramp', phone: '+46701234567' }, person, organisation: 'Tyresö kommun', attachmentNames: [], locale: 'en' })
    expect(text.split('\n')).toEqual(expect.arrayContaining([
      '# Test application (tests only)', '## Applicant', 'Johan Testsson, 19860612-9933', '*Subject:* Ramp', '## Attached files', 'None',
    ]))
    expect(text).toContain('I sign and send my application to Tyresö kommun.')
  })

  it('shows a door code as protected: it is not sent to BankID nor kept in the signed text', () => {
    const text = signingText({ def: trygghetslarm, answers: answersFor(SEVENTY), person, organisation: 'Tyresö kommun', attachmentNames: [], locale: 'sv' })
    expect(text).not.toContain('4711')
    expect(text).toContain('*Portkod:* Skyddad uppgift')
    expect(text).toContain('*Husdjur i bostaden:* En katt')
  })

  it('escapes what simpleMarkdownV1 would read as formatting', () => {
    expect(escapeMarkdown('a*b+c|d\\e')).toBe('a\\*b\\+c\\|d\\\\e')
    expect(escapeMarkdown('# rubrik\n- lista')).toBe('\\# rubrik\n\\- lista')
  })

  it('stays within what BankID accepts however long the answers are', () => {
    const many = { ...provansokan, pages: [{ ...provansokan.pages[0]!, fields: Array.from({ length: 200 }, (_, i) => ({ id: `f${i}`, kind: 'textarea' as const, label: { sv: `Fråga ${i}`, en: `Q ${i}` } })) }] }
    const answers = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f${i}`, 'x'.repeat(5000)]))
    const text = signingText({ def: many, answers, person, organisation: 'Tyresö kommun', attachmentNames: ['a.pdf'], locale: 'sv' })
    expect(text.length).toBeLessThanOrEqual(MAX_VISIBLE_CHARS)
    expect(Buffer.from(text).toString('base64').length).toBeLessThan(40_000)
    expect(text).toMatch(/… och \d+ uppgifter till, som finns i ansökan\./)
    expect(text).toContain('a.pdf')
  })

  it('reads back as headings and labelled lines for the sign page', () => {
    const lines = previewLines('# Titel\n## Sökande\n*Ämne\\*:* ett \\| två\nvanlig rad')
    expect(lines).toEqual([
      { kind: 'h1', text: 'Titel' },
      { kind: 'h2', text: 'Sökande' },
      { kind: 'p', label: 'Ämne*', text: 'ett | två' },
      { kind: 'p', text: 'vanlig rad' },
    ])
  })

  it('writes personnummer as people do', () => {
    expect(formatPersonnummer('198606129933')).toBe('19860612-9933')
  })
})
