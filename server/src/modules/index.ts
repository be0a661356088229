// Every feature module's routes, registered in one place. A new module adds one line here.
import type { AppContext } from '../app.ts';
import type { App } from '../shared/http.ts';
import { registerAccessRoutes } from './access/access.routes.ts';
import { registerArchiveRoutes } from './archive/archive.routes.ts';
import { registerCalendarRoutes } from './calendar/calendar.routes.ts';
import { registerEvidenceRoutes } from './evidence/evidence.routes.ts';
import { registerDisclosureRoutes } from './disclosure/disclosure.routes.ts';
import { registerCasesRoutes } from './cases/cases.routes.ts';
import { registerDeadlinesRoutes } from './deadlines/deadlines.routes.ts';
import { registerInstrumentsRoutes } from './instruments/instruments.routes.ts';
import { registerLedgerRoutes } from './ledger/ledger.routes.ts';
import { registerOrgRoutes } from './org/org.routes.ts';
import { registerPeopleRoutes } from './people/people.routes.ts';
import { registerPortalRoutes } from './portal/portal.routes.ts';
import { registerPowersRoutes } from './powers/powers.routes.ts';
import { registerProfileRoutes } from './profile/profile.routes.ts';
import { registerReviewRoutes } from './review/review.routes.ts';
import { registerStatsRoutes } from './stats/stats.routes.ts';
import { registerUsersRoutes } from './users/users.routes.ts';
import { registerWebappRoutes } from './webapp/webapp.routes.ts';

export function registerModules(app: App, ctx: AppContext): void {
  registerAccessRoutes(app, ctx);
  registerArchiveRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerEvidenceRoutes(app, ctx);
  registerDisclosureRoutes(app, ctx);
  registerCasesRoutes(app, ctx);
  registerDeadlinesRoutes(app, ctx);
  registerInstrumentsRoutes(app, ctx);
  registerLedgerRoutes(app, ctx);
  registerOrgRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerPortalRoutes(app, ctx);
  registerPowersRoutes(app, ctx);
  registerProfileRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
  registerStatsRoutes(app, ctx);
  registerUsersRoutes(app, ctx);
  registerWebappRoutes(app, ctx);
}
