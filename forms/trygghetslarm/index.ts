import { defineForm } from '../kit/index.ts'
import { applicantPage, applyingForPage } from '../common/index.ts'
import { NAME_TOO_LONG, PHONE_REQUIRED, YES_NO, phoneField, registeredAddressField, registeredAddressOutsideFlag } from '../common/fields.ts'
const toCaseOfficer = {
  sv: 'Vi tar emot ansökan. En biståndshandläggare går igenom den och kontaktar dig om ditt behov av trygghetslarm.',
  en: 'We will receive the application. A case officer will review it and contact you about your need for a safety alarm.',
}

/**
 * Trygghetslarm without a needs assessment (SoL 4 kap. 2 a §, docs/domain.md §1). Eligibility never rejects:
 * an applicant under the municipality's minimum age (setting `trygghetslarmMinAge`), outside ordinary
 * housing or already covered by another service is received and routed to a biståndshandläggare.
 */
export const trygghetslarm = defineForm({
  id: 'trygghetslarm',
  // 2: the information page is text instead of three boxes to tick, and Ja comes before Nej.
  version: 2,
  title: { sv: 'Ansök om trygghetslarm', en: 'Apply for a safety alarm' },
  description: {
    sv: 'För dig som är 65 år eller äldre och bor i eget boende. Du behöver ingen biståndsbedömning.',
    en: 'For people aged 65 or over living in their own home. No needs assessment is required.',
  },
  caseNumberPrefix: 'LARM',
  identification: 'bankid',
  sign: true,
  routing: { team: 'social', department: 'socialforvaltningen' },
  // The applicant only: health, pets and the door code are for those who handle the case.
  summary: { fields: ['applicantName'] },
  // ROSA 4: the servicecenter may grant it. A decision under SoL 4 kap. 2 a § is not appealable by
  // förvaltningsbesvär; a refusal goes to a biståndshandläggare as an assessed matter instead. (confirm locally)
  decision: {
    byServicecenter: true, appealable: false,
    matter: { sv: 'trygghetslarm', en: 'a safety alarm' },
    legalGround: {
      sv: 'Beslutet är fattat enligt 4 kap. 2 a § socialtjänstlagen (2001:453), som låter kommunen ge äldre personer trygghetslarm utan en individuell behovsprövning, och kommunens riktlinjer för trygghetslarm.',
      en: 'The decision is made under Chapter 4, Section 2 a of the Social Services Act (2001:453), which lets the municipality offer older people a safety alarm without an individual needs assessment, and under the municipality’s guidelines for safety alarms.',
    },
    appealRoute: {
      sv: 'Ett beslut om trygghetslarm utan behovsprövning kan inte överklagas. Du kan alltid ansöka om bistånd enligt 4 kap. 1 § socialtjänstlagen i stället. Då gör en biståndshandläggare en bedömning av ditt behov, och det beslutet kan överklagas till förvaltningsrätten.',
      en: 'A decision on a safety alarm without a needs assessment cannot be appealed. You can always apply for assistance under Chapter 4, Section 1 of the Social Services Act instead. A case officer then assesses your needs, and that decision can be appealed to the administrative court.',
    },
  },
  // The person the alarm is for, not an ombud; letters go to their registered address. No e-mail is asked:
  // the citizen follows the case on Mina sidor.
  roles: { applicantName: 'applicantName', applicantPnr: 'applicantPnr', phone: 'phone', address: 'address' },
  // Stockholm handles these within 5 working days (docs/domain.md §1).
  handlingDays: 5,
  afterReceipt: {
    sv: 'Servicecenter går igenom ansökan. Du får ett beslut inom {days} dagar. Om du får trygghetslarmet kontaktar vi dig för att boka tid för installationen.',
    en: 'The service centre reviews the application. You will get a decision within {days} days. If you get the safety alarm, we will contact you to book a time for the installation.',
  },
  pages: [
    applyingForPage({
      sv: 'Du kan ansöka för någon annan om du har en fullmakt från personen.',
      en: 'You can apply for someone else if you have a power of attorney from them.',
    }),
    applicantPage(),
    {
      id: 'bostad',
      title: { sv: 'Bostaden', en: 'The home' },
      fields: [
        registeredAddressField({ sv: 'Adressen där larmet ska installeras.', en: 'The address where the alarm is to be installed.' }),
        {
          id: 'apartmentNumber', kind: 'text', optional: true, pattern: '\\d{4}', inputMode: 'numeric', maxLength: 4,
          label: { sv: 'Lägenhetsnummer', en: 'Flat number' },
          hint: { sv: 'Fyra siffror, till exempel 1102. Finns på dörren eller i hyresavtalet.', en: 'Four digits, like 1102. It is on the door or in the lease.' },
          errors: {
            pattern: { sv: 'Lägenhetsnumret ska ha fyra siffror, till exempel 1102', en: 'The flat number must have four digits, like 1102' },
            tooLong: { sv: 'Lägenhetsnumret ska ha fyra siffror, till exempel 1102', en: 'The flat number must have four digits, like 1102' },
          },
        },
        {
          id: 'doorCode', kind: 'text', optional: true, maxLength: 20, sensitive: 'code',
          label: { sv: 'Portkod', en: 'Door code' },
          hint: { sv: 'Skyddas och visas bara för den personal som behöver den.', en: 'Protected, and shown only to the staff who need it.' },
          errors: { tooLong: { sv: 'Portkoden är för lång. Skriv högst {max} tecken', en: 'The door code is too long. Write {max} characters or fewer' } },
        },
        {
          id: 'housing', kind: 'choice',
          label: { sv: 'Hur bor du?', en: 'What kind of home is it?' },
          options: [
            { value: 'ordinart', label: { sv: 'I eget hus eller egen lägenhet (ordinärt boende)', en: 'In my own house or flat (ordinary housing)' } },
            { value: 'servicehus', label: { sv: 'I servicehus eller seniorboende med service', en: 'In sheltered housing' } },
            { value: 'sarskilt', label: { sv: 'I särskilt boende (vård- och omsorgsboende)', en: 'In a care home' } },
          ],
          errors: { required: { sv: 'Välj hur du bor', en: 'Select what kind of home it is' } },
        },
        phoneField({
          label: { sv: 'Telefonnummer', en: 'Telephone number' }, required: PHONE_REQUIRED,
          hint: { sv: 'Numret larmcentralen och installatören ringer.', en: 'The number the alarm centre and the installer will call.' },
        }),
      ],
    },
    {
      id: 'nycklar',
      title: { sv: 'Nycklar', en: 'Keys' },
      intro: {
        sv: 'Den som kommer när du larmar behöver kunna komma in.',
        en: 'Whoever comes when you raise the alarm needs to be able to get in.',
      },
      fields: [
        {
          id: 'keyHandling', kind: 'choice',
          label: { sv: 'Hur ska personalen komma in?', en: 'How will the staff get in?' },
          options: [
            { value: 'keys', label: { sv: 'Jag lämnar nycklar', en: 'I will hand over keys' } },
            { value: 'digitalLock', label: { sv: 'Med digitalt lås', en: 'With a digital lock' },
              hint: { sv: 'Kommunen monterar ett lås som personalen öppnar med mobilen.', en: 'The municipality fits a lock the staff open with their phones.' } },
          ],
          errors: { required: { sv: 'Välj hur personalen ska komma in', en: 'Select how the staff will get in' } },
        },
        {
          id: 'completeKeySet', kind: 'checkbox', visibleWhen: { field: 'keyHandling', equals: 'keys' },
          label: { sv: 'Jag lämnar en komplett uppsättning nycklar', en: 'I will hand over a complete set of keys' },
          hint: { sv: 'Till ytterdörren, extra lås, porten, grinden och eventuell tagg.', en: 'For the front door, any extra lock, the street door, the gate and any tag.' },
          errors: { required: { sv: 'Bekräfta att du lämnar en komplett uppsättning nycklar', en: 'Confirm that you will hand over a complete set of keys' } },
        },
      ],
    },
    {
      id: 'kontaktpersoner',
      title: { sv: 'Kontaktpersoner', en: 'Contact people' },
      intro: {
        sv: 'Ange en till tre personer som larmcentralen kan ringa, till exempel anhöriga eller grannar.',
        en: 'Give one to three people the alarm centre can call, such as relatives or neighbours.',
      },
      fields: [{
        id: 'contacts', kind: 'group', min: 1, max: 3,
        label: { sv: 'Kontaktpersoner', en: 'Contact people' },
        itemLabel: { sv: 'Kontaktperson {n}', en: 'Contact person {n}' },
        errors: {
          required: { sv: 'Ange minst en kontaktperson med namn, relation och telefonnummer', en: 'Enter at least one contact person with a name, a relationship and a telephone number' },
          tooMany: { sv: 'Du kan ange högst tre kontaktpersoner', en: 'You can enter at most three contact people' },
        },
        fields: [
          { id: 'name', kind: 'text', maxLength: 100, label: { sv: 'Namn', en: 'Name' },
            errors: {
              required: { sv: 'Namnet saknas. Fyll i kontaktpersonens namn', en: 'The name is missing. Enter the contact person’s name' },
              tooLong: NAME_TOO_LONG,
            } },
          { id: 'relation', kind: 'text', maxLength: 50, label: { sv: 'Relation till dig', en: 'Relationship to you' },
            hint: { sv: 'Till exempel dotter eller granne.', en: 'For example daughter or neighbour.' },
            errors: {
              required: { sv: 'Relationen saknas. Skriv vem personen är för dig, till exempel dotter eller granne', en: 'The relationship is missing. Write who the person is to you, for example daughter or neighbour' },
              tooLong: { sv: 'Relationen är för lång. Skriv högst {max} tecken', en: 'The relationship is too long. Write {max} characters or fewer' },
            } },
          { id: 'phone', kind: 'phone', label: { sv: 'Telefon', en: 'Phone' },
            errors: { required: { sv: 'Telefonnumret saknas. Fyll i kontaktpersonens telefonnummer', en: 'The telephone number is missing. Enter the contact person’s telephone number' } } },
          { id: 'hasKey', kind: 'checkbox', optional: true, label: { sv: 'Har nyckel till bostaden', en: 'Has a key to the home' } },
        ],
      }],
    },
    {
      id: 'halsa',
      title: { sv: 'Hälsa och husdjur', en: 'Health and pets' },
      intro: {
        sv: 'Frivilligt. Uppgifterna hjälper den som kommer på larm. De skyddas av sekretess och visas bara för dem som behöver dem.',
        en: 'Optional. The details help whoever answers the alarm. They are confidential and shown only to those who need them.',
      },
      fields: [
        {
          id: 'healthNeeds', kind: 'multichoice', optional: true, sensitive: 'health',
          label: { sv: 'Stämmer något av det här?', en: 'Does any of this apply?' },
          options: [
            { value: 'hearing', label: { sv: 'Jag hör dåligt', en: 'I have poor hearing' } },
            { value: 'vision', label: { sv: 'Jag ser dåligt', en: 'I have poor eyesight' } },
            { value: 'walkingAid', label: { sv: 'Jag använder rollator eller rullstol', en: 'I use a walking frame or a wheelchair' } },
            { value: 'memory', label: { sv: 'Jag har svårt att minnas', en: 'I have memory problems' } },
            { value: 'falls', label: { sv: 'Jag har fallit eller är rädd att falla', en: 'I have fallen or am afraid of falling' } },
          ],
        },
        {
          id: 'healthNotes', kind: 'textarea', optional: true, maxLength: 1000, sensitive: 'health',
          label: { sv: 'Annat om din hälsa som är bra att veta', en: 'Anything else about your health that is useful to know' },
          errors: { tooLong: { sv: 'Texten är för lång. Skriv högst {max} tecken', en: 'The text is too long. Write {max} characters or fewer' } },
        },
        {
          // The issue counts pets with health and mobility: shown only to the staff who need them.
          id: 'pets', kind: 'text', optional: true, maxLength: 200, sensitive: 'health',
          label: { sv: 'Husdjur i bostaden', en: 'Pets in the home' },
          hint: { sv: 'Till exempel en hund.', en: 'For example a dog.' },
          errors: { tooLong: { sv: 'Texten om husdjur är för lång. Skriv högst {max} tecken', en: 'The text about pets is too long. Write {max} characters or fewer' } },
        },
      ],
    },
    {
      id: 'information',
      title: { sv: 'Om trygghetslarmet och avgiften', en: 'About the safety alarm and the fee' },
      // Plain text to read, not boxes to tick: ticking "I have read" proves nothing and stops people (issue 13).
      notice: {
        tone: 'info',
        title: { sv: 'Bra att veta innan du skickar', en: 'Good to know before you send' },
        body: {
          sv: 'Du får trygghetslarmet utan att vi utreder ditt behov. Larmet kostar {kronor:trygghetslarmMonthlyFee} i månaden. Installationen kostar {kronor:trygghetslarmInstallationFee}. Vill du ändra något med larmet kan du ringa oss, och vi hör av oss för att följa upp hur det fungerar. Du kan i stället ansöka om bistånd, och då utreder vi ditt behov. Frågor: {phone}.',
          en: 'You get the safety alarm without an assessment of your needs. The alarm costs {kronor:trygghetslarmMonthlyFee} a month. Installation costs {kronor:trygghetslarmInstallationFee}. If you want to change anything about the alarm you can call us, and we will contact you to follow up how it works. You can apply for assistance instead, and then we assess your needs. Questions: {phone}.',
        },
        link: {
          href: '/personuppgifter',
          text: { sv: 'Så behandlar kommunen dina personuppgifter', en: 'How the municipality handles your personal data' },
        },
      },
      fields: [
        {
          id: 'alreadyCovered', kind: 'choice', options: YES_NO,
          label: { sv: 'Har du redan trygghetslarm eller annan hjälp som täcker behovet?', en: 'Do you already have a safety alarm or other help that covers the need?' },
          errors: { required: { sv: 'Inget svar är valt. Välj Ja om du redan har larm eller annan hjälp, annars Nej', en: 'No answer is selected. Select Yes if you already have an alarm or other help, otherwise No' } },
        },
      ],
    },
  ],
  flags: [
    {
      id: 'underMinAge', routeTo: 'bistand',
      when: { ageBelow: { field: 'applicantPnr', setting: 'trygghetslarmMinAge' } },
      reason: { sv: 'Sökanden är {age} år, yngre än {trygghetslarmMinAge} år som gäller utan biståndsbedömning', en: 'The applicant is {age}, younger than the {trygghetslarmMinAge} that applies without a needs assessment' },
      clear: { sv: 'Sökanden är {age} år, minst {trygghetslarmMinAge} år som gäller utan biståndsbedömning', en: 'The applicant is {age}, at least the {trygghetslarmMinAge} that applies without a needs assessment' },
      // The age limit itself may be the missing setting, so the sentence does not name it.
      unknown: { sv: 'Det gick inte att avgöra automatiskt om sökanden är gammal nog för larm utan biståndsbedömning', en: 'It could not be judged automatically whether the applicant is old enough for an alarm without a needs assessment' },
      citizen: toCaseOfficer,
    },
    {
      id: 'notOrdinaryHousing', routeTo: 'bistand',
      when: { not: { field: 'housing', equals: 'ordinart' } },
      reason: { sv: 'Sökanden bor inte i ordinärt boende', en: 'The applicant does not live in ordinary housing' },
      clear: { sv: 'Sökanden bor i ordinärt boende', en: 'The applicant lives in ordinary housing' },
      citizen: toCaseOfficer,
    },
    {
      id: 'alreadyCovered', routeTo: 'bistand',
      when: { field: 'alreadyCovered', equals: 'yes' },
      reason: { sv: 'Sökanden har redan larm eller en annan insats som kan täcka behovet', en: 'The applicant already has an alarm or another service that may cover the need' },
      clear: { sv: 'Sökanden har inte larm eller någon annan insats som täcker behovet', en: 'The applicant has no alarm or other service that covers the need' },
      citizen: toCaseOfficer,
    },
    registeredAddressOutsideFlag({
      sv: 'Adressen verkar ligga utanför kommunen. Vi kontrollerar folkbokföringen och hör av oss om något behövs.',
      en: 'The address seems to be outside the municipality. We will check the population register and contact you if anything is needed.',
    }),
  ],
  checks: [
    { id: 'registered', label: { sv: 'Folkbokförd i kommunen enligt folkbokföringen', en: 'Registered as living in the municipality' } },
    { id: 'noOtherService', label: { sv: 'Ingen annan insats täcker redan behovet', en: 'No other service already covers the need' } },
    { id: 'powerOfAttorney', label: { sv: 'Fullmakten är giltig (om ombud)', en: 'The power of attorney is valid (if a representative applied)' } },
  ],
})
