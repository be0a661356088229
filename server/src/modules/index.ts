// Every feature module's routes, registered in one place. A new module adds one line here.
import type { AppContext } from '../app.ts';
import type { App } from '../shared/http.ts';
import { registerCalendarRoutes } from './calendar/calendar.routes.ts';
import { registerEvidenceRoutes } from './evidence/evidence.routes.ts';
import { registerDisclosureRoutes } from './disclosure/disclosure.routes.ts';
import { registerCasesRoutes } from './cases/cases.routes.ts';
import { registerLedgerRoutes } from './ledger/ledger.routes.ts';
import { registerOrgRoutes } from './org/org.routes.ts';
import { registerPeopleRoutes } from './people/people.routes.ts';
import { registerPortalRoutes } from './portal/portal.routes.ts';
import { registerPowersRoutes } from './powers/powers.routes.ts';
import { registerProfileRoutes } from './profile/profile.routes.ts';
import { registerReviewRoutes } from './review/review.routes.ts';
import { registerUsersRoutes } from './users/users.routes.ts';

export function registerModules(app: App, ctx: AppContext): void {
  registerCalendarRoutes(app, ctx);
  registerEvidenceRoutes(app, ctx);
  registerDisclosureRoutes(app, ctx);
  registerCasesRoutes(app, ctx);
  registerLedgerRoutes(app, ctx);
  registerOrgRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerPortalRoutes(app, ctx);
  registerPowersRoutes(app, ctx);
  registerProfileRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
  registerUsersRoutes(app, ctx);
}
