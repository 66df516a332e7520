import type { Locale } from '#forms/kit/types.ts'
import { textsIn } from '#app/i18n.ts'

/**
 * "Ladda ner mina uppgifter" on Mina sidor (GDPR art. 15). At a kiosk the same links show the file in the
 * browser instead (the server answers inline there), so nothing is saved onto the public computer.
 */
export function MyDataLinks({ locale, atKiosk }: { locale: Locale; atKiosk: boolean }) {
  const tx = textsIn(locale, 'myData')
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
