import { route } from '@react-router/dev/routes'

/** Servicecenter case handling (issue 5): the staff pages beyond the skeleton's queue and case page. */
export const caseHandlingRoutes = [
  route('servicecenter/ta-nasta', 'routes/staff/take-next.ts'),
  route('servicecenter/arenden/:caseId/beslut.pdf', 'routes/staff/decision-pdf.ts'),
  // Closing a case as a duplicate of another (ADR 031).
  route('servicecenter/arenden/:caseId/dubblett', 'routes/staff/duplicate.tsx'),
  route('servicecenter/sok', 'routes/staff/search.tsx'),
  route('servicecenter/registrera', 'routes/staff/register.tsx'),
  route('servicecenter/registrera/:formId', 'routes/staff/register-form.tsx'),
  route('servicecenter/statistik', 'routes/staff/stats.tsx'),
  route('servicecenter/statistik.csv', 'routes/staff/stats-csv.ts'),
  route('servicecenter/statistik.xlsx', 'routes/staff/stats-xlsx.ts'),
  // Contacts that are not applications, and the teams' standard replies (issue 11; ADR 032).
  route('servicecenter/kontakt', 'routes/staff/contact.tsx'),
  route('servicecenter/mallar', 'routes/staff/templates.tsx'),
  route('servicecenter/mallar/:templateId', 'routes/staff/template-edit.tsx'),
  route('servicecenter/personal', 'routes/staff/staff-admin.tsx'),
  route('servicecenter/utkorg', 'routes/staff/outbox.tsx'),
  // Letters to citizens no e-mail reaches: printed in one go and marked sent (ADR 034).
  route('servicecenter/post', 'routes/staff/post-letters.tsx'),
  route('servicecenter/post/brev.pdf', 'routes/staff/post-letters-pdf.ts'),
  // Scheduled jobs and failed ones (ADR 027).
  route('servicecenter/jobb', 'routes/staff/jobs.tsx'),
  // Retention (issue 10): what the records plan removes next and the gallringslogg; a case's archive package.
  route('servicecenter/gallring', 'routes/staff/retention.tsx'),
  route('servicecenter/arenden/:caseId/arkivpaket.zip', 'routes/staff/archive-package.ts'),
  // Who opened whose data (ADR 018): for administrators and the data protection officer.
  route('servicecenter/atkomstlogg', 'routes/staff/access-log.tsx'),
  route('servicecenter/atkomstlogg.csv', 'routes/staff/access-log-csv.ts'),
  // The register of associations, kept up to date by föreningsbidrag applications (issue 4).
  route('servicecenter/foreningar', 'routes/staff/foreningar.tsx'),
  route('servicecenter/foreningar/:orgnr', 'routes/staff/foreningar-association.tsx'),
  // Register extracts (GDPR art. 15) for the data protection officer.
  route('servicecenter/registerutdrag', 'routes/staff/register-extract.tsx'),
  route('servicecenter/registerutdrag/fil', 'routes/staff/register-extract-file.ts'),
  // The citizen's side of case handling on Mina sidor: answering a supplement request, the decision letter.
  route('mina-sidor/arenden/:caseId/komplettera', 'routes/citizen-case/answer-supplement.tsx'),
  route('mina-sidor/arenden/:caseId/beslut.pdf', 'routes/citizen-case/decision-pdf.ts'),
]
