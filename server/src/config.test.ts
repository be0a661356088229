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
    expect(loadConfig({ NODE_ENV: 'production', ...key })).toMatchObject({
      SEED_DEMO: false,
      COOKIE_SECURE: true,
    });
  });
});
