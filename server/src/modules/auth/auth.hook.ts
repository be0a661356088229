// Runs before body parsing on every request: resolves the session cookie to a principal and
// applies the route's declared policy, so that a caller without the right role learns nothing
// about the request's validity.
import { AppError } from '../../shared/errors.ts';
import type { App } from '../../shared/http.ts';
import { isRouteAllowed } from '../../shared/policy.ts';
import { SESSION_COOKIE, type AuthService } from './auth.service.ts';

export function registerAuthHook(app: App, auth: AuthService) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.principal = token ? ((await auth.principalForToken(token)) ?? null) : null;
    const policy = request.routeOptions.config.policy;
    // Unmatched URLs have no policy; they fall through to the 404 handler.
    if (!policy) return;
    if (isRouteAllowed(policy, request.principal)) return;
    throw new AppError(request.principal ? 'FORBIDDEN' : 'UNAUTHENTICATED');
  });
}
