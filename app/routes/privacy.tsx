import { municipality } from '#services/config/municipality.server.ts'
import { tileOrigins } from '#services/config/map-tiles.ts'
import type { Route } from './+types/privacy'
import { SCRIPT_FREE } from '#app/script-free.ts'

/** Plain HTML: no scripts for an anonymous visitor (app/script-free.ts). */
export const handle = SCRIPT_FREE

export async function loader({ context }: Route.LoaderArgs) {
  const m = municipality()
  // The map's tile server sees a visitor's address (ADR 036): the page names it, as the profile does.
  const tiles = tileOrigins(m.map).map((o) => new URL(o).hostname)
  return { locale: context.locale, name: m.name, email: m.contact.email, phone: m.contact.phone, tileHost: tiles[0] }
}

/**
 * How the municipality handles personal data given in the e-services (GDPR art. 13), in plain words: the
 * page e-services link to instead of asking the citizen to tick that they have read it.
 */
export default function Privacy({ loaderData: d }: Route.ComponentProps) {
  if (d.locale === 'en')
    return (
      <>
        <title>How we handle your personal data</title>
        <h1>How we handle your personal data</h1>
        <p>{d.name} is responsible for the personal data you give in the e-services.</p>
        <h2>Why we use the data</h2>
        <p>We use the data to handle your case. For an application, the law gives us the right to do so (GDPR article 6.1 e). When you order something you do not need, such as a welcome pack, we ask for your consent, and you can withdraw it at any time.</p>
        <h2>Who sees the data</h2>
        <p>Only the staff who handle your case. Health details and door codes are protected extra and shown only to those who need them.</p>
        <h2>How long we keep the data</h2>
        <p>A case you have sent becomes a public record. We keep it as long as the municipality’s records plan says, then it is deleted. A draft you have not sent is deleted 30 days after you last saved it.</p>
        {d.tileHost && (
          <>
            <h2>The map in the fault report</h2>
            <p>When you report a fault you can tap the place on a map. Your browser then fetches the map’s pictures from {d.tileHost}, which sees your IP address and the part of the map you look at, but nothing of what you write. If you do not want that, enter the address or describe the place instead.</p>
          </>
        )}
        <h2>Your rights</h2>
        <p>You can find out which data we have about you. Log in to My pages and choose “Download my data”. You can ask us to correct wrong data. Contact us by email at <a href={`mailto:${d.email}`}>{d.email}</a> or by phone on {d.phone}. You can complain to the Swedish Authority for Privacy Protection (IMY).</p>
      </>
    )
  return (
    <>
      <title>Så behandlar vi dina personuppgifter</title>
      <h1>Så behandlar vi dina personuppgifter</h1>
      <p>{d.name} ansvarar för de personuppgifter du lämnar i e-tjänsterna.</p>
      <h2>Varför vi använder uppgifterna</h2>
      <p>Vi använder uppgifterna för att handlägga ditt ärende. När du ansöker om något ger lagen oss rätt att göra det (GDPR artikel 6.1 e). När du beställer något som du inte måste ha, till exempel ett välkomstpaket, ber vi om ditt samtycke. Det kan du ta tillbaka när du vill.</p>
      <h2>Vem som ser uppgifterna</h2>
      <p>Bara den personal som handlägger ditt ärende. Uppgifter om hälsa och portkoder skyddas extra och visas bara för dem som behöver dem.</p>
      <h2>Hur länge vi sparar uppgifterna</h2>
      <p>Ett ärende som du har skickat in blir en allmän handling. Vi sparar det så länge kommunens dokumenthanteringsplan säger, sedan tas det bort. Ett utkast som du inte har skickat tas bort 30 dagar efter att du senast sparade det.</p>
      {d.tileHost && (
        <>
          <h2>Kartan i felanmälan</h2>
          <p>När du gör en felanmälan kan du trycka på platsen på en karta. Din webbläsare hämtar då kartans bilder från {d.tileHost}, som ser din IP-adress och vilken del av kartan du tittar på, men inget av det du skriver. Vill du inte det kan du skriva adressen eller beskriva platsen i stället.</p>
        </>
      )}
      <h2>Dina rättigheter</h2>
      <p>Du kan få veta vilka uppgifter vi har om dig. Logga in på Mina sidor och välj ”Ladda ner mina uppgifter”. Du kan be oss rätta uppgifter som är fel. Kontakta oss på <a href={`mailto:${d.email}`}>{d.email}</a> eller {d.phone}. Du kan klaga hos Integritetsskyddsmyndigheten (IMY).</p>
    </>
  )
}
