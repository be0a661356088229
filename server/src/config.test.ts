import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults for `npm start`', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, PROFILE: 'xuecheng', SEED_DEMO: true });
    expect(config.DATA_DIR).toMatch(/\/data$/);
  });

  it('names every bad setting at boot', () => {
    expect(() => loadConfig({ PORT: 'eighty', PROFILE: 'atlantis' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', PROFILE: 'atlantis' });
    } catch (error) {
      expect(String(error)).toContain('/PORT');
      expect(String(error)).toContain('/PROFILE');
    }
  });

  it('refuses demo data, insecure cookies and an unsigned ledger in production', () => {
    const key = { LEDGER_SIGNING_KEY_FILE: '/etc/sanxiang/ledger.pem' };
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true', ...key })).toThrow(
      /SEED_DEMO/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false', ...key })).toThrow(
      /COOKIE_SECURE/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/LEDGER_SIGNING_KEY_FILE/);
    // The benchmark's baseline route writes cases past every guard: never in production.
    expect(() =>
      loadConfig({ NODE_ENV: 'production', BENCH_BASELINE_ROUTES: 'true', ...key }),
    ).toThrow(/BENCH_BASELINE_ROUTES/);
    expect(loadConfig({ NODE_ENV: 'production', ...key })).toMatchObject({
      SEED_DEMO: false,
      COOKIE_SECURE: true,
      BENCH_BASELINE_ROUTES: false,
    });
  });

  it('trusts no forwarded address unless told which proxies to believe', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toBe(
      '10.0.0.0/8,127.0.0.1',
    );
    expect(() => loadConfig({ TRUST_PROXY: 'everyone; drop table' })).toThrow(/TRUST_PROXY/);
  });
});
