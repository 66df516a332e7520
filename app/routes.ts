import { index, route, type RouteConfig } from '@react-router/dev/routes'
import { kioskRoutes } from './routes/kiosk/route-config.ts'
import { caseHandlingRoutes } from './routes/staff/route-config.ts'
import { citizenRoutes } from './routes/citizen/route-config.ts'

export default [
  index('routes/home.tsx'),
  route('tillganglighet', 'routes/accessibility.tsx'),
  route('personuppgifter', 'routes/privacy.tsx'),
  route('i18n/:file', 'routes/i18n-catalog.ts'),
  route('e-tjanster/:formId', 'routes/eservice/start.tsx'),
  route('e-tjanster/:formId/kontrollera', 'routes/eservice/check.tsx'),
  route('e-tjanster/:formId/sparat', 'routes/eservice/saved.tsx'),
  route('e-tjanster/:formId/kvitto/:number', 'routes/eservice/receipt.tsx'),
  route('e-tjanster/:formId/kvitto/:number/pdf', 'routes/eservice/receipt-pdf.ts'),
  route('e-tjanster/:formId/:pageId', 'routes/eservice/page.tsx'),
  route('servicecenter', 'routes/staff/queue.tsx'),
  route('servicecenter/logga-in', 'routes/staff/login.tsx'),
  route('servicecenter/logga-ut', 'routes/staff/logout.ts'),
  route('servicecenter/arenden/:caseId', 'routes/staff/case.tsx'),
  route('servicecenter/arenden/:caseId/kvitto.pdf', 'routes/staff/case-pdf.ts'),
  route('servicecenter/arenden/:caseId/bilagor/:attachmentId', 'routes/staff/attachment.ts'),
  ...kioskRoutes,
  ...caseHandlingRoutes,
  ...citizenRoutes,
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
