import { route } from '@react-router/dev/routes'

/** Kiosk computers (issue 6): the kiosk's own pages and the staff pages that serve them. */
export const kioskRoutes = [
  route('kiosk', 'routes/kiosk/start.tsx'),
  route('kiosk/enrol', 'routes/kiosk/enrol.tsx'),
  route('kiosk/avsluta', 'routes/kiosk/end.ts'),
  route('kiosk/aktiv', 'routes/kiosk/ping.ts'),
  route('kiosk/visning', 'routes/kiosk/display.ts'),
  route('kiosk/lanekort', 'routes/kiosk/library-card.tsx'),
  route('kiosk/hjalp', 'routes/kiosk/help.tsx'),
  route('kiosk/personal', 'routes/kiosk/assist.tsx'),
  route('servicecenter/kiosker', 'routes/kiosk/staff-kiosks.tsx'),
  route('servicecenter/hjalp', 'routes/kiosk/staff-help.tsx'),
  route('servicecenter/hjalp/handelser', 'routes/kiosk/staff-help-events.ts'),
]
