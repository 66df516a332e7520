/** The cookie in which a browser says whose BankID its simulated "phone" holds (see simulator-choice.server.ts). */
export const SIMULATOR_COOKIE = 'bankid_sim'
