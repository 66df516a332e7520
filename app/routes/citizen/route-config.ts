import { route } from '@react-router/dev/routes'

/** BankID login and signing, sessions, Mina sidor and the simulator's control page (issue 3). */
export const citizenRoutes = [
  route('logga-in', 'routes/citizen/login.tsx'),
  route('logga-ut', 'routes/citizen/logout.ts'),
  route('session/forlang', 'routes/citizen/keepalive.ts'),
  route('bankid/status', 'routes/bankid/status.ts'),
  route('bankid-simulator', 'routes/dev/bankid-simulator.tsx'),
  route('mina-sidor', 'routes/citizen/my-pages.tsx'),
  route('mina-sidor/arenden/:caseId', 'routes/citizen/my-case.tsx'),
  route('mina-sidor/arenden/:caseId/meddelande', 'routes/citizen/write-message.tsx'),
  route('mina-sidor/arenden/:caseId/kvitto.pdf', 'routes/citizen/my-case-pdf.ts'),
  route('mina-sidor/arenden/:caseId/bilagor/:attachmentId', 'routes/citizen/my-attachment.ts'),
  // The citizen's own register extract (GDPR art. 15): pdf or json.
  route('mina-sidor/mina-uppgifter/:format', 'routes/citizen/my-data.ts'),
  route('e-tjanster/:formId/skriv-under', 'routes/eservice/sign.tsx'),
]
