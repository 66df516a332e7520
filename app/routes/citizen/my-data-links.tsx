import type { Locale } from '#forms/kit/index.ts'

const TEXT = {
  sv: {
    heading: 'Dina uppgifter',
    intro: 'Här kan du ladda ner det som kommunens e-tjänster har sparat om dig: dina ärenden och utkast, meddelanden, bifogade filers namn, inloggningar och vilka avdelningar och roller som har handlagt och öppnat dina uppgifter.',
    pdf: 'Ladda ner mina uppgifter (PDF)',
    json: 'Ladda ner mina uppgifter (JSON, för datorprogram)',
    kioskPdf: 'Visa mina uppgifter (PDF)',
    kioskJson: 'Visa mina uppgifter (JSON)',
    kioskHint: 'På en kunddator visas filen på skärmen och sparas inte på datorn. Du kan skriva ut den från visningen. Logga in på din egen mobil eller dator för att ladda ner den.',
  },
  en: {
    heading: 'Your data',
    intro: 'Here you can download what the municipality’s e-services hold about you: your cases and drafts, messages, the names of attached files, logins, and which departments and roles have handled and opened your data.',
    pdf: 'Download my data (PDF)',
    json: 'Download my data (JSON, for computer programs)',
    kioskPdf: 'Show my data (PDF)',
    kioskJson: 'Show my data (JSON)',
    kioskHint: 'On a public computer the file is shown on the screen and not saved on the computer. You can print it from the viewer. Log in on your own phone or computer to download it.',
  },
} as const

/**
 * "Ladda ner mina uppgifter" on Mina sidor (GDPR art. 15). At a kiosk the same links show the file in the
 * browser instead (the server answers inline there), so nothing is saved onto the public computer.
 */
export function MyDataLinks({ locale, atKiosk }: { locale: Locale; atKiosk: boolean }) {
  const tx = TEXT[locale]
  return (
    <section aria-labelledby="my-data-h">
      <h2 id="my-data-h">{tx.heading}</h2>
      <p>{tx.intro}</p>
      {atKiosk && <p className="hint" id="my-data-kiosk">{tx.kioskHint}</p>}
      <ul>
        <li><a href="/mina-sidor/mina-uppgifter/pdf" aria-describedby={atKiosk ? 'my-data-kiosk' : undefined}>{atKiosk ? tx.kioskPdf : tx.pdf}</a></li>
        <li><a href="/mina-sidor/mina-uppgifter/json" aria-describedby={atKiosk ? 'my-data-kiosk' : undefined}>{atKiosk ? tx.kioskJson : tx.json}</a></li>
      </ul>
    </section>
  )
}
