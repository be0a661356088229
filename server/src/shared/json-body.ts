// Request bodies in JSON: Fastify's own parser (prototype poisoning refused), and one check more.
// JSON may spell half of a UTF-16 surrogate pair alone ("\ud800"). Such a string is not text: it
// has no UTF-8 form, so the database cannot store it as written and the ledger cannot hash it as
// canonical JSON. It is refused here as malformed JSON, before any route sees it.
import type { FastifyInstance } from 'fastify';
import { hasLoneSurrogate } from '../modules/ledger/crypto/canonical-json.ts';
import { AppError } from './errors.ts';

/** Replaces the application/json parser of `app` (call before any route is registered). */
export function useStrictJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = typeof raw === 'string' ? raw : raw.toString('utf8');
    void parseJson(request, body, (error, value: unknown) => {
      if (error) return done(error);
      // Only an escaped surrogate can make one: a body without "\u" skips the walk.
      if (body.includes('\\u') && holdsLoneSurrogate(value)) {
        return done(
          new AppError('MALFORMED_JSON', {
            message: '请求体含有无效的 Unicode 字符（不成对的代理项），请检查所填文字',
          }),
        );
      }
      done(null, value);
    });
  });
}

function holdsLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return hasLoneSurrogate(value);
  if (Array.isArray(value)) return value.some(holdsLoneSurrogate);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => hasLoneSurrogate(k) || holdsLoneSurrogate(v));
  }
  return false;
}
