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

  it('keeps blobs in BLOB_DIR unless told to use an S3 bucket, which then needs all its settings', () => {
    expect(loadConfig({})).toMatchObject({
      BLOB_STORE: 'local',
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: false,
    });
    const secret = 'wJalrXUtnFEMI-secret';
    let message = '';
    try {
      loadConfig({ BLOB_STORE: 's3', S3_BUCKET: 'Not_A_Bucket', S3_SECRET_ACCESS_KEY: secret });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = String(error);
    }
    for (const name of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID']) {
      expect(message).toContain(`/${name}`);
    }
    expect(message).not.toContain('/S3_SECRET_ACCESS_KEY');
    expect(message).not.toContain(secret);
    expect(() => loadConfig({ BLOB_STORE: 'nas' })).toThrow(/BLOB_STORE/);
    expect(() =>
      loadConfig({ BLOB_STORE: 's3', S3_ENDPOINT: 'minio:9000', S3_BUCKET: 'evidence' }),
    ).toThrow(/S3_ENDPOINT/);
    expect(
      loadConfig({
        BLOB_STORE: 's3',
        S3_ENDPOINT: 'http://10.0.0.5:9000/',
        S3_BUCKET: 'sanxiang-evidence',
        S3_ACCESS_KEY_ID: 'sanxiang',
        S3_SECRET_ACCESS_KEY: secret,
        S3_FORCE_PATH_STYLE: 'true',
        S3_PREFIX: 'xuecheng/',
      }),
    ).toMatchObject({
      S3_ENDPOINT: 'http://10.0.0.5:9000',
      S3_FORCE_PATH_STYLE: true,
      S3_PREFIX: 'xuecheng/',
    });
    expect(() => loadConfig({ S3_PREFIX: '/leading-slash' })).toThrow(/S3_PREFIX/);
  });
});
