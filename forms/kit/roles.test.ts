import { describe, expect, it } from 'vitest'
import { felanmalan } from '../felanmalan/index.ts'
import { foreningsbidrag } from '../foreningsbidrag/index.ts'
import { nyinflyttad } from '../nyinflyttad/index.ts'
import { parkeringstillstand } from '../parkeringstillstand/index.ts'
import { FORMS } from '../registry.ts'
import { trygghetslarm } from '../trygghetslarm/index.ts'
import { answerRoles, defineForm, roleAnswers, type FormDefinition } from './index.ts'

const L = (sv: string) => ({ sv, en: sv })
const base = {
  id: 'def', version: 1, caseNumberPrefix: 'DEF', identification: 'none', sign: false, handlingDays: 5,
  afterReceipt: L('Svar inom {days} dagar.'), title: L('D'), description: L(''), routing: { team: 't' },
  pages: [{
    id: 'p', title: L('P'), fields: [
      { id: 'who', kind: 'text', label: L('Namn') },
      { id: 'mail', kind: 'email', label: L('E-post') },
      { id: 'tel', kind: 'phone', label: L('Telefon') },
      { id: 'home', kind: 'address', label: L('Adress') },
      { id: 'pnr', kind: 'personnummer', label: L('Personnummer') },
      { id: 'secretMail', kind: 'email', label: L('E-post'), sensitive: 'health' },
    ],
  }],
} as const
const define = (roles: unknown) => () => defineForm({ ...base, roles } as unknown as FormDefinition)
const address = { street: 'Björkvägen 12', postcode: '135 40', city: 'Tyresö' }

describe('answer roles', () => {
  it('defineForm accepts roles that name existing fields of the right kind', () => {
    expect(define({ applicantName: 'who', applicantPnr: 'pnr', email: 'mail', phone: 'tel', address: 'home' })).not.toThrow()
  })

  it('defineForm refuses a role on a missing field, a field of another kind, a sensitive field or an unknown role', () => {
    expect(define({ email: 'nope' })).toThrow('role "email" refers to unknown field "nope"')
    expect(define({ email: 'tel' })).toThrow('role "email" must name a field of kind email, but "tel" is a phone')
    expect(define({ applicantPnr: 'who' })).toThrow('role "applicantPnr" must name a field of kind personnummer, but "who" is a text')
    expect(define({ address: 'who' })).toThrow('role "address" must name a field of kind address')
    expect(define({ email: 'secretMail' })).toThrow('role "email" must not name the sensitive field "secretMail"')
    expect(define({ boss: 'who' })).toThrow('unknown role "boss"')
    expect(define({ email: [] })).toThrow('role "email" names no field')
    expect(define({ email: [{ field: 'mail', when: { field: 'ghost', equals: 'x' } }] })).toThrow('role "email" has a condition on unknown field "ghost"')
    expect(define({ associationOrgnr: 'who' })).toThrow('role "associationOrgnr" needs "associationName"')
  })

  it('defineForm refuses the old postal declaration on a live definition', () => {
    expect(() => defineForm({ ...base, postal: { address: 'home', name: 'who' } } as unknown as FormDefinition)).toThrow('postal is replaced by roles.address')
  })

  it('every e-service declares its roles', () => {
    for (const def of FORMS) expect(def.roles, def.id).toBeDefined()
  })

  it('reads each role’s answer, trimmed; unanswered and undeclared roles are null', () => {
    const def = define({ applicantName: 'who', email: 'mail', address: 'home' })()
    expect(roleAnswers(def, { who: ' Anna Andersson ', mail: 'anna@example.se', home: address, tel: '+46701234567' })).toEqual({
      applicantName: 'Anna Andersson', applicantPnr: null, email: 'anna@example.se', phone: null,
      address, associationName: null, associationOrgnr: null, signerRole: null,
    })
    expect(roleAnswers(def, { home: { street: 'Björkvägen 12', postcode: '', city: 'Tyresö' } }).address).toBeNull()
  })

  it('föreningsbidrag: mail goes to whoever signed — the treasurer’s address when the treasurer signs, else the chair’s', () => {
    const answers = { chairEmail: 'ordf@ifk.se', treasurerEmail: 'kassor@ifk.se', chairPhone: '+46701111111', treasurerPhone: '+46702222222', associationName: 'IFK Tyresö', orgnr: '802000-0000' }
    expect(roleAnswers(foreningsbidrag, { ...answers, signerRole: 'treasurer' })).toMatchObject({ email: 'kassor@ifk.se', phone: '+46702222222' })
    expect(roleAnswers(foreningsbidrag, { ...answers, signerRole: 'chair' })).toMatchObject({ email: 'ordf@ifk.se', phone: '+46701111111' })
    expect(roleAnswers(foreningsbidrag, { ...answers, signerRole: 'other' })).toMatchObject({ email: 'ordf@ifk.se', associationName: 'IFK Tyresö', associationOrgnr: '802000-0000', signerRole: 'other' })
  })

  it('each e-service: the applicant is the person the matter is for, and a fault’s place is no postal address', () => {
    expect(answerRoles(trygghetslarm)).toMatchObject({ applicantName: 'applicantName', applicantPnr: 'applicantPnr', address: 'address' })
    expect(answerRoles(parkeringstillstand)).toMatchObject({ applicantName: 'applicantName', email: 'email', address: 'address' })
    expect(answerRoles(nyinflyttad)).toMatchObject({ applicantName: 'name', email: 'email', address: 'address' })
    expect(answerRoles(felanmalan)).toEqual({ applicantName: 'name', email: 'email', phone: 'phone' })
  })

  it('a snapshot from before roles keeps what the consumers read then: first e-mail, the name question, postal', () => {
    const { roles: _r, ...old } = { ...foreningsbidrag, postal: { address: 'address', name: 'associationName' } }
    expect(answerRoles(old as FormDefinition)).toEqual({ email: 'chairEmail', address: 'address', associationName: 'associationName' })
    const { roles: _t, ...larm } = { ...trygghetslarm, postal: { address: 'address', name: 'applicantName' } }
    expect(answerRoles(larm as FormDefinition)).toEqual({ applicantName: 'applicantName', applicantPnr: 'applicantPnr', address: 'address' })
    const { roles: _f, ...fel } = felanmalan
    expect(answerRoles(fel as FormDefinition)).toEqual({ applicantName: 'name', email: 'email' })
  })
})
