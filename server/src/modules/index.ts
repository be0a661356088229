// Every feature module's routes, registered in one place. A new module adds one line here.
import type { AppContext } from '../app.ts';
import type { App } from '../shared/http.ts';

export function registerModules(app: App, ctx: AppContext): void {
  void app;
  void ctx;
}
