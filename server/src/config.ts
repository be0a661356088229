// Typed configuration, validated once at boot. Every setting comes from the environment so that
// N identical processes behind a load balancer share one configuration source.
import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

export const PROFILE_IDS = ['national', 'shanghai', 'caoyang', 'nanchang', 'xuecheng'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

const ConfigSchema = Type.Object({
  NODE_ENV: Type.Enum(['development', 'production', 'test']),
  PORT: Type.Integer({ minimum: 0, maximum: 65535 }),
  HOST: Type.String({ minLength: 1 }),
  DATA_DIR: Type.String({ minLength: 1 }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  PROFILE: Type.Enum(PROFILE_IDS),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 30 }),
  COOKIE_SECURE: Type.Boolean(),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024 }),
  LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1 }),
  LOGIN_WINDOW_MINUTES: Type.Integer({ minimum: 1 }),
  SEED_DEMO: Type.Boolean(),
  /** bench/cases.mjs only: a baseline route writing case rows past every guard; never in production. */
  BENCH_BASELINE_ROUTES: Type.Boolean(),
  /** PEM file of the SM2 key that signs ledger tree heads; required in production. */
  LEDGER_SIGNING_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
  /** Where the latest signed tree head is copied, ideally outside the database's storage. */
  LEDGER_WITNESS_FILE: Type.String({ minLength: 1 }),
  /** Evidence blobs (content-addressed) and partial uploads; shared by every process. */
  BLOB_DIR: Type.String({ minLength: 1 }),
  /** Where blob content lives: `local` (BLOB_DIR) or `s3` (a bucket; partial uploads stay in BLOB_DIR). */
  BLOB_STORE: Type.Enum(['local', 's3']),
  /** S3-compatible service origin, e.g. `https://oss-cn-hangzhou.aliyuncs.com`; required for s3. */
  S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://[^/?#@]+$' })),
  S3_BUCKET: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' })),
  /** The SigV4 signing region (MinIO and most on-premises stores accept `us-east-1`). */
  S3_REGION: Type.String({ pattern: '^[A-Za-z0-9_-]+$' }),
  /** Key prefix inside the bucket, empty or ending in `/`. */
  S3_PREFIX: Type.String({ pattern: '^([A-Za-z0-9_.-]+/)*$' }),
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  /** Never logged or echoed: validation messages name the setting, not its value. */
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  /** Path-style URLs (`https://host/bucket/key`), as MinIO and IP-address endpoints need. */
  S3_FORCE_PATH_STYLE: Type.Boolean(),
  UPLOAD_MAX_BYTES: Type.Integer({ minimum: 1 }),
  /** An upload's lock lapses this long after its holder's last heartbeat (a crashed process). */
  UPLOAD_LEASE_SECONDS: Type.Integer({ minimum: 1, maximum: 3600 }),
  /**
   * An unfinished upload nobody has sent to for this long expires: its partial bytes are removed
   * (tus expiration). Operational, not law: a week outlasts any profile's upload deadline.
   */
  UPLOAD_EXPIRY_HOURS: Type.Integer({ minimum: 1, maximum: 8760 }),
  /** Absolute origin the QR codes point at (e.g. https://gs.example.gov.cn); else the request's. */
  PUBLIC_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://[^/?#]+$' })),
  /** Public endpoints and pages: requests per client IP per window; 0 turns the limit off. */
  PUBLIC_RATE_LIMIT: Type.Integer({ minimum: 0 }),
  PUBLIC_RATE_WINDOW_SECONDS: Type.Integer({ minimum: 1, maximum: 3600 }),
  /**
   * Whose X-Forwarded-For to believe: false (default: the peer address is the client), true (any
   * proxy), a hop count, or the proxies' addresses/CIDRs separated by commas. Client addresses key
   * the public rate limit and login throttling and go into the ledger, so a server reachable
   * directly must not trust a header any client can write.
   */
  TRUST_PROXY: Type.Union([
    Type.Boolean(),
    Type.Integer({ minimum: 1, maximum: 16 }),
    Type.String({ pattern: '^[0-9A-Fa-f:./]+(,[0-9A-Fa-f:./]+)*$' }),
  ]),
});

export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {}

function parseBoolean(value: string | undefined, fallback: boolean): boolean | string {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  return value;
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  const flag = parseBoolean(value?.replace(/\s+/g, ''), false);
  return typeof flag === 'string' && /^\d+$/.test(flag) ? Number(flag) : flag;
}

function parseInteger(value: string | undefined, fallback: number): number | string {
  if (value === undefined || value === '') return fallback;
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

const S3_REQUIRED = [
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
] as const;

/** Reads and validates configuration; throws ConfigError naming every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const isProduction = nodeEnv === 'production';
  const raw = {
    NODE_ENV: nodeEnv,
    PORT: parseInteger(env.PORT, 3000),
    HOST: env.HOST ?? '0.0.0.0',
    DATA_DIR: path.resolve(env.DATA_DIR ?? './data'),
    ...(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {}),
    PROFILE: env.PROFILE ?? 'xuecheng',
    LOG_LEVEL: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    SESSION_TTL_HOURS: parseInteger(env.SESSION_TTL_HOURS, 12),
    COOKIE_SECURE: parseBoolean(env.COOKIE_SECURE, isProduction),
    BODY_LIMIT_BYTES: parseInteger(env.BODY_LIMIT_BYTES, 1024 * 1024),
    LOGIN_MAX_FAILURES: parseInteger(env.LOGIN_MAX_FAILURES, 5),
    LOGIN_WINDOW_MINUTES: parseInteger(env.LOGIN_WINDOW_MINUTES, 15),
    // Demo data is never loaded in production, whatever the flag says (see assertProductionSafe).
    SEED_DEMO: parseBoolean(env.SEED_DEMO, !isProduction),
    BENCH_BASELINE_ROUTES: parseBoolean(env.BENCH_BASELINE_ROUTES, false),
    ...(env.LEDGER_SIGNING_KEY_FILE
      ? { LEDGER_SIGNING_KEY_FILE: env.LEDGER_SIGNING_KEY_FILE }
      : {}),
    LEDGER_WITNESS_FILE: path.resolve(
      env.LEDGER_WITNESS_FILE ?? path.join(env.DATA_DIR ?? './data', 'ledger', 'witness.json'),
    ),
    BLOB_DIR: path.resolve(env.BLOB_DIR ?? path.join(env.DATA_DIR ?? './data', 'blobs')),
    BLOB_STORE: env.BLOB_STORE || 'local',
    ...(env.S3_ENDPOINT ? { S3_ENDPOINT: env.S3_ENDPOINT.replace(/\/+$/, '') } : {}),
    ...(env.S3_BUCKET ? { S3_BUCKET: env.S3_BUCKET } : {}),
    S3_REGION: env.S3_REGION || 'us-east-1',
    S3_PREFIX: env.S3_PREFIX ?? '',
    ...(env.S3_ACCESS_KEY_ID ? { S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID } : {}),
    ...(env.S3_SECRET_ACCESS_KEY ? { S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY } : {}),
    S3_FORCE_PATH_STYLE: parseBoolean(env.S3_FORCE_PATH_STYLE, false),
    UPLOAD_MAX_BYTES: parseInteger(env.UPLOAD_MAX_BYTES, 64 * 1024 ** 3),
    UPLOAD_LEASE_SECONDS: parseInteger(env.UPLOAD_LEASE_SECONDS, 15),
    UPLOAD_EXPIRY_HOURS: parseInteger(env.UPLOAD_EXPIRY_HOURS, 7 * 24),
    ...(env.PUBLIC_BASE_URL ? { PUBLIC_BASE_URL: env.PUBLIC_BASE_URL } : {}),
    // Tests count their own requests; a shared limit would make them depend on each other.
    PUBLIC_RATE_LIMIT: parseInteger(env.PUBLIC_RATE_LIMIT, nodeEnv === 'test' ? 0 : 300),
    PUBLIC_RATE_WINDOW_SECONDS: parseInteger(env.PUBLIC_RATE_WINDOW_SECONDS, 60),
    TRUST_PROXY: parseTrustProxy(env.TRUST_PROXY),
  };
  const errors = [...Value.Errors(ConfigSchema, raw)];
  const lines = errors.map((e) => `  ${e.instancePath || '/'}: ${e.message}`);
  if (raw.BLOB_STORE === 's3') {
    for (const name of S3_REQUIRED) {
      if (!(name in raw))
        lines.push(`  /${name}: BLOB_STORE=s3 时必须配置 (required when BLOB_STORE=s3)`);
    }
  }
  if (lines.length > 0) {
    throw new ConfigError(`配置无效 (invalid configuration):\n${lines.join('\n')}`);
  }
  const config = raw as Config;
  if (config.NODE_ENV === 'production') assertProductionSafe(config);
  return config;
}

function assertProductionSafe(config: Config): void {
  const problems: string[] = [];
  if (config.SEED_DEMO)
    problems.push('SEED_DEMO must be false in production (演示数据不得用于生产)');
  if (config.BENCH_BASELINE_ROUTES)
    problems.push('BENCH_BASELINE_ROUTES must be false in production (基准测试路由不得用于生产)');
  if (!config.COOKIE_SECURE)
    problems.push('COOKIE_SECURE must be true in production (生产环境必须使用安全 Cookie)');
  if (!config.LEDGER_SIGNING_KEY_FILE) {
    problems.push(
      'LEDGER_SIGNING_KEY_FILE must name the SM2 key in production (生产环境必须配置账本签名密钥)',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
}
