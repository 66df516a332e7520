import type { Locale } from '#forms/kit/index.ts'
import { translate } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'
import { kioskText } from '../kiosk/texts.ts'

/**
 * The buttons that start a BankID order: on this device or with the QR code. A kiosk is nobody's own
 * device — its BankID app, if any, is not the visitor's — so there only the QR code for the visitor's
 * phone is offered (and the server starts nothing else there, app/routes/bankid/start.server.ts).
 */
export function FlowChoice({ locale, legend }: { locale: Locale; legend: string }) {
  const atKiosk = Boolean(useRootData()?.kiosk)
  return (
    <fieldset className="fieldset">
      <legend className="legend">{atKiosk ? kioskText(locale, 'bankidPhoneLegend') : legend}</legend>
      {atKiosk ? (
        <>
          <p className="hint">{kioskText(locale, 'bankidPhoneHint')}</p>
          <button type="submit" name="flow" value="qr" className="button kiosk-big">{kioskText(locale, 'bankidPhone')}</button>
        </>
      ) : (
        <div className="button-stack">
          <button type="submit" name="flow" value="autostart" className="button">{translate(locale, 'bankidThisDevice')}</button>
          <button type="submit" name="flow" value="qr" className="button button--secondary">{translate(locale, 'bankidOtherDevice')}</button>
        </div>
      )}
    </fieldset>
  )
}
