import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';

const t = await createTestApp();

describe('operations endpoints', () => {
  it('answers /healthz with the database kind', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: t.handle.kind });
  });

  it('serves an OpenAPI 3.1 document listing the error codes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{
      openapi: string;
      paths: Record<string, unknown>;
      'x-error-codes': Record<string, unknown>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/session');
    expect(doc['x-error-codes']).toHaveProperty('CALENDAR_NOT_LOADED');
  });

  it('answers unknown URLs with NOT_FOUND in Chinese', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'NOT_FOUND', message: '请求的资源不存在' });
  });

  it('answers malformed JSON with MALFORMED_JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('MALFORMED_JSON');
  });

  it('refuses half a surrogate pair as MALFORMED_JSON, and takes whole pairs and plain text', async () => {
    const login = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/session',
        headers: { 'content-type': 'application/json' },
        payload,
      });
    for (const text of ['"\\ud800x"', '"x\\udfff"']) {
      const response = await login(`{"username": ${text}, "password": "whatever1"}`);
      expect(response.statusCode, text).toBe(400);
      expect(response.json()).toMatchObject({ code: 'MALFORMED_JSON' });
      expect(response.json<{ message: string }>().message).toMatch(/Unicode/);
    }
    const inKey = await login('{"username": "a", "password": "b", "\\ud800": 1}');
    expect(inKey.json()).toMatchObject({ code: 'MALFORMED_JSON' });
    // A whole pair (an emoji) and ordinary Chinese parse: the login is simply wrong.
    for (const text of ['"\\ud83d\\ude00"', '"王建国"']) {
      const response = await login(`{"username": ${text}, "password": "whatever1"}`);
      expect(response.json(), text).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    const poisoned = await login('{"username": "a", "password": "b", "__proto__": {"x": 1}}');
    expect(poisoned.statusCode).toBe(400);
  });
});
