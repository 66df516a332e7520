// BankID's recommended user messages (RFA codes) and which one to show for a collect result or an API error.
// Client-safe: no node imports, so the same module renders the status line on the server and in the browser.
// Texts and mapping: docs/domain.md §7 (mapping as in ActiveLogin's BankIdRecommendedUserMessage).

export interface MessageText {
  sv: string
  en: string
}

export const RFA_MESSAGES = {
  RFA1: { sv: 'Starta BankID-appen.', en: 'Start your BankID app.' },
  RFA2: { sv: 'Du verkar inte ha BankID-appen. Installera den och skaffa ett BankID.', en: "You don't seem to have the BankID app. Install the app and get a BankID." },
  RFA3: { sv: 'Åtgärden avbröts. Försök igen.', en: 'The action was cancelled. Please try again.' },
  RFA4: {
    sv: 'En identifiering eller underskrift pågår redan för ditt personnummer. Försök igen.',
    en: 'An identification or signature is already in progress for your personal identity number. Please try again.',
  },
  RFA5: { sv: 'Något gick fel. Försök igen.', en: 'Something went wrong. Please try again.' },
  RFA6: { sv: 'Åtgärden avbröts.', en: 'The action was cancelled.' },
  RFA8: {
    sv: 'BankID-appen svarar inte. Kontrollera att den är startad och att du har internetanslutning. Försök sedan igen.',
    en: "The BankID app is not responding. Please check that it's started and that you have internet access. Try again.",
  },
  RFA9: {
    sv: 'Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.',
    en: 'Enter your security code in the BankID app and select Identify or Sign.',
  },
  RFA13: { sv: 'Försöker starta BankID-appen.', en: 'Trying to start your BankID app.' },
  RFA15A: {
    sv: 'Söker efter BankID. Säkerställ att du har ett giltigt BankID på den här datorn. Om du har ett BankID på kort, sätt in kortet i kortläsaren.',
    en: 'Searching for BankID. Make sure you have a valid BankID on this computer. If you have a BankID on card, please insert the card into your card reader.',
  },
  RFA15B: {
    sv: 'Söker efter BankID. Säkerställ att du har ett giltigt BankID på den här enheten.',
    en: 'Searching for BankID. Make sure you have a valid BankID on this device.',
  },
  RFA16: {
    sv: 'Ditt BankID är för gammalt eller spärrat. Använd ett annat BankID eller skaffa ett nytt hos din bank.',
    en: 'Your BankID is blocked or too old. Please use another BankID or get a new one from your bank.',
  },
  RFA17A: {
    sv: 'Du verkar inte ha BankID-appen/programmet. Installera den och skaffa ett BankID hos din bank.',
    en: "You don't seem to have the BankID app/program. Please install it and get a BankID from your bank.",
  },
  RFA17B: {
    sv: 'Misslyckades att läsa av QR-koden. Starta BankID-appen och läs av QR-koden.',
    en: 'Failed to scan the QR code. Start the BankID app and scan the QR code.',
  },
  // A button label, hence no full stop.
  RFA18: { sv: 'Starta BankID-appen', en: 'Start the BankID app' },
  RFA19: { sv: 'Vill du använda BankID på den här datorn eller ett Mobilt BankID?', en: 'Would you like to use BankID on this computer, or a Mobile BankID?' },
  RFA20: { sv: 'Vill du använda BankID på den här enheten eller på en annan enhet?', en: 'Do you want to use BankID on this device or another device?' },
  RFA21: { sv: 'En identifiering eller underskrift pågår.', en: 'An identification or signing is in progress.' },
  RFA22: { sv: 'Något gick fel. Försök igen.', en: 'Something went wrong. Please try again.' },
  RFA23: { sv: 'Fotografera och läs av din ID-handling med BankID-appen.', en: 'Take a photo of, and scan, your ID document with the BankID app.' },
} as const satisfies Record<string, MessageText>

export type RfaCode = keyof typeof RFA_MESSAGES

export interface MessageInput {
  status?: 'pending' | 'failed' | 'complete'
  hintCode?: string
  /** An API errorCode, or 'unreachable' when BankID could not be reached at all (see client.server.ts). */
  errorCode?: string
  /** The order was started with the autostart link on this device rather than with the QR code. */
  autoStarted: boolean
  device: 'computer' | 'mobile'
}

export interface UserMessage extends MessageText {
  code: RfaCode
  /** The situation is unexpected: the caller should log it (never show `details` to the user). */
  log: boolean
}

const TRANSIENT_ERRORS = new Set(['requestTimeout', 'maintenance', 'internalError', 'unreachable'])

function pick(code: RfaCode, log = false): UserMessage {
  return { code, ...RFA_MESSAGES[code], log }
}

/** The message to show, or null when there is nothing to say (a completed order). */
export function messageFor(input: MessageInput): UserMessage | null {
  const { status, hintCode, errorCode, autoStarted, device } = input
  if (errorCode !== undefined) {
    if (errorCode === 'alreadyInProgress') return pick('RFA4')
    if (TRANSIENT_ERRORS.has(errorCode)) return pick('RFA5')
    return pick('RFA22', true)
  }
  if (status === 'pending') {
    switch (hintCode) {
      case 'outstandingTransaction':
        return pick(autoStarted ? 'RFA13' : 'RFA1')
      case 'noClient':
        return pick('RFA1')
      case 'started':
        return pick(device === 'mobile' ? 'RFA15B' : 'RFA15A')
      case 'userSign':
        return pick('RFA9')
      case 'userMrtd':
        return pick('RFA23')
      default:
        return pick('RFA21')
    }
  }
  if (status === 'failed') {
    switch (hintCode) {
      case 'expiredTransaction':
        return pick('RFA8')
      case 'certificateErr':
        return pick('RFA16')
      case 'userCancel':
        return pick('RFA6')
      case 'cancelled':
        return pick('RFA3')
      case 'startFailed':
        return pick(autoStarted ? 'RFA17A' : 'RFA17B')
      default:
        return pick('RFA22', true)
    }
  }
  if (status === 'complete') return null
  return pick('RFA22', true)
}
